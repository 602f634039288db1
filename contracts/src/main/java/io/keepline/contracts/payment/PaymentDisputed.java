package io.keepline.contracts.payment;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import io.keepline.contracts.InvalidValueException;
import io.keepline.contracts.Money;
import io.keepline.contracts.Msisdn;

/**
 * The holder's bank disputed the payment {@code paymentIntentId} of the cycle ending
 * {@code validUntil} ({@code disputeId}, Stripe's {@code reason} such as
 * {@code fraudulent}). Recorded only: Keepline takes no automatic action on a dispute.
 */
public record PaymentDisputed(UUID eventId, Instant occurredAt, Msisdn msisdn, LocalDate validUntil, Money amount,
		String paymentIntentId, String chargeId, String disputeId, String reason,
		String stripeEventId) implements PaymentEvent {

	public PaymentDisputed {
		InvalidValueException.require(eventId, "eventId");
		InvalidValueException.require(occurredAt, "occurredAt");
		InvalidValueException.require(msisdn, "msisdn");
		InvalidValueException.require(validUntil, "validUntil");
		InvalidValueException.require(amount, "amount");
		InvalidValueException.require(paymentIntentId, "paymentIntentId");
		InvalidValueException.require(disputeId, "disputeId");
		InvalidValueException.require(reason, "reason");
	}

}
