package io.keepline.contracts.line;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import io.keepline.contracts.InvalidValueException;
import io.keepline.contracts.Msisdn;
import io.keepline.contracts.OperatorId;

/**
 * The line's operator asked, through ingest's operator API, that the current reminder of
 * the cycle ending {@code validUntil} be sent again. Written by ingest only, never taken
 * from an operator's event batch; the scheduler answers it with a
 * {@link io.keepline.contracts.deadline.ReminderDue} whose trigger is
 * {@link io.keepline.contracts.deadline.ReminderTrigger#RESEND} while that cycle is open.
 */
public record ReminderResendRequested(UUID eventId, Instant occurredAt, Msisdn msisdn, OperatorId operator,
		LocalDate validUntil) implements LineEvent {

	public ReminderResendRequested {
		InvalidValueException.require(eventId, "eventId");
		InvalidValueException.require(msisdn, "msisdn");
		InvalidValueException.require(operator, "operator");
		InvalidValueException.require(validUntil, "validUntil");
	}

	@Override
	public ReminderResendRequested receivedAt(Instant instant) {
		return (this.occurredAt != null) ? this
				: new ReminderResendRequested(this.eventId, instant, this.msisdn, this.operator, this.validUntil);
	}

}
