package io.keepline.contracts.payment;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import io.keepline.contracts.CycleId;
import io.keepline.contracts.InvalidValueException;
import io.keepline.contracts.Msisdn;

/**
 * A payment for the cycle failed. {@code reason} is Stripe's error code (such as
 * {@code card_declined} or {@code authentication_required}); {@code retryable} says
 * whether trying again later can succeed.
 */
public record PaymentFailed(UUID eventId, Instant occurredAt, Msisdn msisdn, LocalDate validUntil, PaymentSource source,
		Integer attempt, String paymentIntentId, String stripeEventId, String reason, String declineCode,
		boolean retryable) implements PaymentEvent {

	/**
	 * The reason of a retryable failure published when Stripe could not be reached to
	 * charge (or to find the charge) before payments' deadline: nothing was charged.
	 */
	public static final String GATEWAY_UNAVAILABLE = "gateway_unavailable";

	public PaymentFailed {
		InvalidValueException.require(eventId, "eventId");
		InvalidValueException.require(occurredAt, "occurredAt");
		InvalidValueException.require(msisdn, "msisdn");
		InvalidValueException.require(validUntil, "validUntil");
		InvalidValueException.require(source, "source");
		InvalidValueException.require(reason, "reason");
	}

	public CycleId cycle() {
		return new CycleId(this.msisdn, this.validUntil);
	}

}
