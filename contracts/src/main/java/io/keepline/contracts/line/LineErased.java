package io.keepline.contracts.line;

import java.time.Instant;
import java.util.UUID;

import io.keepline.contracts.InvalidValueException;
import io.keepline.contracts.Msisdn;
import io.keepline.contracts.OperatorId;

/**
 * The holder asked to be forgotten (GDPR): state and pending reminders are deleted and
 * later events carry no personal data.
 */
public record LineErased(UUID eventId, Instant occurredAt, Msisdn msisdn, OperatorId operator) implements LineEvent {

	public LineErased {
		InvalidValueException.require(eventId, "eventId");
		InvalidValueException.require(msisdn, "msisdn");
		InvalidValueException.require(operator, "operator");
	}

	@Override
	public LineErased receivedAt(Instant instant) {
		return (this.occurredAt != null) ? this : new LineErased(this.eventId, instant, this.msisdn, this.operator);
	}

}
