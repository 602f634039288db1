package io.keepline.contracts.payment;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import io.keepline.contracts.CycleId;
import io.keepline.contracts.InvalidValueException;
import io.keepline.contracts.Money;
import io.keepline.contracts.Msisdn;

/**
 * A payment for the cycle ending {@code validUntil} was accepted but is not final yet (a
 * SEPA debit settles within days): its {@code PaymentSucceeded} or {@code PaymentFailed}
 * follows with the same {@code paymentIntentId}. {@code attempt} is set for automatic
 * renewals.
 */
public record PaymentProcessing(UUID eventId, Instant occurredAt, Msisdn msisdn, LocalDate validUntil, Money amount,
		PaymentSource source, Integer attempt, String paymentIntentId, String stripeEventId) implements PaymentEvent {

	public PaymentProcessing {
		InvalidValueException.require(eventId, "eventId");
		InvalidValueException.require(occurredAt, "occurredAt");
		InvalidValueException.require(msisdn, "msisdn");
		InvalidValueException.require(validUntil, "validUntil");
		InvalidValueException.require(amount, "amount");
		InvalidValueException.require(source, "source");
		InvalidValueException.require(paymentIntentId, "paymentIntentId");
	}

	public CycleId cycle() {
		return new CycleId(this.msisdn, this.validUntil);
	}

}
