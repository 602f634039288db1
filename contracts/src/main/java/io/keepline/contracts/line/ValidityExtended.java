package io.keepline.contracts.line;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import io.keepline.contracts.InvalidValueException;
import io.keepline.contracts.Msisdn;
import io.keepline.contracts.OperatorId;

/**
 * A top-up happened, through Keepline or elsewhere: the line is now valid until
 * {@code validUntil}.
 */
public record ValidityExtended(UUID eventId, Instant occurredAt, Msisdn msisdn, OperatorId operator,
		LocalDate validUntil) implements LineEvent {

	public ValidityExtended {
		InvalidValueException.require(eventId, "eventId");
		InvalidValueException.require(msisdn, "msisdn");
		InvalidValueException.require(operator, "operator");
		InvalidValueException.require(validUntil, "validUntil");
	}

	@Override
	public ValidityExtended receivedAt(Instant instant) {
		return (this.occurredAt != null) ? this
				: new ValidityExtended(this.eventId, instant, this.msisdn, this.operator, this.validUntil);
	}

}
