package io.keepline.contracts.line;

import java.time.Instant;
import java.util.UUID;

import io.keepline.contracts.InvalidValueException;
import io.keepline.contracts.Msisdn;
import io.keepline.contracts.OperatorId;

/**
 * The line left Keepline's watch: nothing more is sent or charged for it.
 */
public record LineCancelled(UUID eventId, Instant occurredAt, Msisdn msisdn, OperatorId operator,
		String reason) implements LineEvent {

	public LineCancelled {
		InvalidValueException.require(eventId, "eventId");
		InvalidValueException.require(msisdn, "msisdn");
		InvalidValueException.require(operator, "operator");
	}

	@Override
	public LineCancelled receivedAt(Instant instant) {
		return (this.occurredAt != null) ? this
				: new LineCancelled(this.eventId, instant, this.msisdn, this.operator, this.reason);
	}

}
