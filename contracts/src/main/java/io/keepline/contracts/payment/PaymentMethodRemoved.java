package io.keepline.contracts.payment;

import java.time.Instant;
import java.util.UUID;

import io.keepline.contracts.InvalidValueException;
import io.keepline.contracts.Msisdn;

/**
 * The holder removed their saved card from their status page: payments detached it at
 * Stripe, so it can never be charged again, and automatic renewal is off. It names no
 * card (the line has at most one); {@code registeredAt} is the line's registration the
 * holder acted under, so a late event never touches a recycled number's next holder.
 */
public record PaymentMethodRemoved(UUID eventId, Instant occurredAt, Msisdn msisdn,
		Instant registeredAt) implements PaymentEvent {

	public PaymentMethodRemoved {
		InvalidValueException.require(eventId, "eventId");
		InvalidValueException.require(occurredAt, "occurredAt");
		InvalidValueException.require(msisdn, "msisdn");
		InvalidValueException.require(registeredAt, "registeredAt");
	}

	/** Not a Stripe outcome: none. */
	@Override
	public String stripeEventId() {
		return null;
	}

}
