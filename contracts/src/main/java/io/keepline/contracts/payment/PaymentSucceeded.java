package io.keepline.contracts.payment;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import io.keepline.contracts.CycleId;
import io.keepline.contracts.InvalidValueException;
import io.keepline.contracts.Money;
import io.keepline.contracts.Msisdn;

/**
 * Money for the cycle ending {@code validUntil} was captured. {@code attempt} is set for
 * automatic renewals.
 */
public record PaymentSucceeded(UUID eventId, Instant occurredAt, Msisdn msisdn, LocalDate validUntil, Money amount,
		PaymentSource source, Integer attempt, String paymentIntentId, String stripeEventId) implements PaymentEvent {

	public PaymentSucceeded {
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
