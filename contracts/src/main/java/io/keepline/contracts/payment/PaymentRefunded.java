package io.keepline.contracts.payment;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import io.keepline.contracts.InvalidValueException;
import io.keepline.contracts.Money;
import io.keepline.contracts.Msisdn;

/**
 * A payment for the cycle was refunded ({@code refundId}), typically because the cycle
 * had already been paid. {@code reason} is the scheduler's {@code RefundDue.reason} (such
 * as {@code already_paid} or {@code amount_mismatch}) when Keepline asked for the refund;
 * null for a refund learnt from Stripe alone, and in events written before it existed.
 */
public record PaymentRefunded(UUID eventId, Instant occurredAt, Msisdn msisdn, LocalDate validUntil, Money amount,
		String paymentIntentId, String refundId, String stripeEventId, String reason) implements PaymentEvent {

	public PaymentRefunded {
		InvalidValueException.require(eventId, "eventId");
		InvalidValueException.require(occurredAt, "occurredAt");
		InvalidValueException.require(msisdn, "msisdn");
		InvalidValueException.require(validUntil, "validUntil");
		InvalidValueException.require(amount, "amount");
		InvalidValueException.require(paymentIntentId, "paymentIntentId");
	}

	/** A refund without a known reason, as Stripe reports it. */
	public PaymentRefunded(UUID eventId, Instant occurredAt, Msisdn msisdn, LocalDate validUntil, Money amount,
			String paymentIntentId, String refundId, String stripeEventId) {
		this(eventId, occurredAt, msisdn, validUntil, amount, paymentIntentId, refundId, stripeEventId, null);
	}

}
