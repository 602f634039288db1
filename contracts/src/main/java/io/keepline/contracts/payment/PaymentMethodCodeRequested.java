package io.keepline.contracts.payment;

import java.time.Instant;
import java.util.UUID;

import io.keepline.contracts.InvalidValueException;
import io.keepline.contracts.Msisdn;

/**
 * A holder asked, from a link, to save or replace the card for automatic renewal: the
 * notifier sends them a one-time code derived from the link key {@code keyId} and this
 * request's {@code eventId} ({@code LinkSigner#oneTimeCode}), so no code travels on a
 * topic. Payments accepts the code until {@code expiresAt}.
 */
public record PaymentMethodCodeRequested(UUID eventId, Instant occurredAt, Msisdn msisdn, String keyId,
		Instant expiresAt) implements PaymentEvent {

	public PaymentMethodCodeRequested {
		InvalidValueException.require(eventId, "eventId");
		InvalidValueException.require(occurredAt, "occurredAt");
		InvalidValueException.require(msisdn, "msisdn");
		InvalidValueException.require(keyId, "keyId");
		InvalidValueException.require(expiresAt, "expiresAt");
	}

	/** Not a Stripe outcome: none. */
	@Override
	public String stripeEventId() {
		return null;
	}

}
