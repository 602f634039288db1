package io.keepline.contracts.deadline;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.keepline.contracts.InvalidValueException;
import io.keepline.contracts.Money;
import io.keepline.contracts.Msisdn;
import io.keepline.contracts.OperatorId;
import io.keepline.contracts.PaymentMethodRef;

/**
 * Charge the saved payment method for this cycle now. {@code attempt} starts at 1 and,
 * with the cycle, makes the Stripe idempotency key. {@code paymentMethod} carries only
 * the Stripe references needed to charge (the line record carries no Stripe id); the
 * card's brand, last4 and expiry are dropped on construction and read from the line
 * record (as is the {@code locale} of events written before issue 16, now ignored).
 */
@JsonIgnoreProperties({ "locale" })
public record AutoRenewalDue(UUID eventId, Instant occurredAt, Msisdn msisdn, OperatorId operator, LocalDate validUntil,
		int attempt, PaymentMethodRef paymentMethod, Money price) implements DeadlineEvent {

	public AutoRenewalDue {
		InvalidValueException.require(eventId, "eventId");
		InvalidValueException.require(occurredAt, "occurredAt");
		InvalidValueException.require(msisdn, "msisdn");
		InvalidValueException.require(operator, "operator");
		InvalidValueException.require(validUntil, "validUntil");
		InvalidValueException.require(paymentMethod, "paymentMethod");
		paymentMethod = paymentMethod.withoutCard();
		InvalidValueException.require(price, "price");
		if (attempt < 1) {
			throw new InvalidValueException("attempt", "not_positive", "attempt starts at 1");
		}
	}

	/**
	 * The Stripe idempotency key of this attempt:
	 * {@code renewal:{msisdn}:{validUntil}:{attempt}}.
	 */
	public String idempotencyKey() {
		return "renewal:" + msisdn().value() + ":" + validUntil() + ":" + this.attempt;
	}

}
