package io.keepline.contracts.payment;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import io.keepline.contracts.InvalidValueException;
import io.keepline.contracts.Money;
import io.keepline.contracts.Msisdn;

/**
 * A payment for the cycle was refunded ({@code refundId}), typically because the cycle
 * had already been paid.
 */
public record PaymentRefunded(UUID eventId, Instant occurredAt, Msisdn msisdn, LocalDate validUntil, Money amount,
		String paymentIntentId, String refundId, String stripeEventId) implements PaymentEvent {

	public PaymentRefunded {
		InvalidValueException.require(eventId, "eventId");
		InvalidValueException.require(occurredAt, "occurredAt");
		InvalidValueException.require(msisdn, "msisdn");
		InvalidValueException.require(validUntil, "validUntil");
		InvalidValueException.require(amount, "amount");
		InvalidValueException.require(paymentIntentId, "paymentIntentId");
	}

}
