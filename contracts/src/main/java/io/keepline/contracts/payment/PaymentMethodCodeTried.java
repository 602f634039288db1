package io.keepline.contracts.payment;

import java.time.Instant;
import java.util.UUID;

import io.keepline.contracts.InvalidValueException;
import io.keepline.contracts.Msisdn;

/**
 * A holder typed a one-time code for request {@code requestId} on some payments instance:
 * {@code accepted} if it was right (the code is then used), a wrong try otherwise. Every
 * payments instance counts the tries from these, so a code is refused after its wrong
 * tries on all instances together, and accepted once.
 */
public record PaymentMethodCodeTried(UUID eventId, Instant occurredAt, Msisdn msisdn, UUID requestId,
		boolean accepted) implements PaymentEvent {

	public PaymentMethodCodeTried {
		InvalidValueException.require(eventId, "eventId");
		InvalidValueException.require(occurredAt, "occurredAt");
		InvalidValueException.require(msisdn, "msisdn");
		InvalidValueException.require(requestId, "requestId");
	}

	/** Not a Stripe outcome: none. */
	@Override
	public String stripeEventId() {
		return null;
	}

}
