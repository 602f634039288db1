package io.keepline.contracts.payment;

import java.time.Instant;
import java.util.UUID;

import io.keepline.contracts.InvalidValueException;
import io.keepline.contracts.Msisdn;
import io.keepline.contracts.PaymentMethodRef;

/**
 * The holder saved a payment method for automatic renewal of the line (Checkout in setup
 * mode, {@code setupIntentId}).
 */
public record PaymentMethodSaved(UUID eventId, Instant occurredAt, Msisdn msisdn, PaymentMethodRef paymentMethod,
		String setupIntentId, String stripeEventId) implements PaymentEvent {

	public PaymentMethodSaved {
		InvalidValueException.require(eventId, "eventId");
		InvalidValueException.require(occurredAt, "occurredAt");
		InvalidValueException.require(msisdn, "msisdn");
		InvalidValueException.require(paymentMethod, "paymentMethod");
	}

}
