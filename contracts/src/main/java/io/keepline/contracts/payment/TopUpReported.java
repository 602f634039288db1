package io.keepline.contracts.payment;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import io.keepline.contracts.InvalidValueException;
import io.keepline.contracts.Msisdn;

/**
 * The holder said on their status page that they already topped the line up at the
 * operator, for the cycle ending {@code validUntil} ({@code occurredAt} is when they said
 * so). Pressure reminders of that cycle are held until {@code pausedUntil} while the
 * operator's {@code ValidityExtended} is awaited; if none comes they resume then. The
 * lapse itself never moves. {@code registeredAt} is the line's registration the holder
 * acted under, so a late event never touches a recycled number's next holder.
 */
public record TopUpReported(UUID eventId, Instant occurredAt, Msisdn msisdn, Instant registeredAt, LocalDate validUntil,
		Instant pausedUntil) implements PaymentEvent {

	public TopUpReported {
		InvalidValueException.require(eventId, "eventId");
		InvalidValueException.require(occurredAt, "occurredAt");
		InvalidValueException.require(msisdn, "msisdn");
		InvalidValueException.require(registeredAt, "registeredAt");
		InvalidValueException.require(validUntil, "validUntil");
		InvalidValueException.require(pausedUntil, "pausedUntil");
		if (!pausedUntil.isAfter(occurredAt)) {
			throw new InvalidValueException("pausedUntil", "out_of_range", "pausedUntil must be after occurredAt");
		}
	}

	/** Not a Stripe outcome: none. */
	@Override
	public String stripeEventId() {
		return null;
	}

}
