package io.keepline.contracts.deadline;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.keepline.contracts.InvalidValueException;
import io.keepline.contracts.Money;
import io.keepline.contracts.Msisdn;
import io.keepline.contracts.OperatorId;
import io.keepline.contracts.payment.PaymentSource;

/**
 * The cycle is paid: the operator integration applies the top-up, and the holder gets a
 * receipt. {@code source} says how it was paid (pay link or automatic renewal); null in
 * events written before it existed. No personal data: the holder is read from the line
 * record (the {@code holder} of events written before issue 16 is ignored).
 * {@code settledAfterLapse} says the payment settled after the cycle's lapse was
 * announced ({@code LineLapsed}), as a SEPA debit may: false in events written before it
 * existed.
 */
@JsonIgnoreProperties({ "holder" })
public record RenewalConfirmed(UUID eventId, Instant occurredAt, Msisdn msisdn, OperatorId operator,
		LocalDate validUntil, Money amount, String paymentIntentId, PaymentSource source,
		Boolean settledAfterLapse) implements DeadlineEvent {

	public RenewalConfirmed {
		InvalidValueException.require(eventId, "eventId");
		InvalidValueException.require(occurredAt, "occurredAt");
		InvalidValueException.require(msisdn, "msisdn");
		InvalidValueException.require(operator, "operator");
		InvalidValueException.require(validUntil, "validUntil");
		InvalidValueException.require(amount, "amount");
		settledAfterLapse = Boolean.TRUE.equals(settledAfterLapse);
	}

	/** A confirmation that does not say how the cycle was paid. */
	public RenewalConfirmed(UUID eventId, Instant occurredAt, Msisdn msisdn, OperatorId operator, LocalDate validUntil,
			Money amount, String paymentIntentId) {
		this(eventId, occurredAt, msisdn, operator, validUntil, amount, paymentIntentId, null, false);
	}

	/** A confirmation of a payment that settled before the cycle lapsed. */
	public RenewalConfirmed(UUID eventId, Instant occurredAt, Msisdn msisdn, OperatorId operator, LocalDate validUntil,
			Money amount, String paymentIntentId, PaymentSource source) {
		this(eventId, occurredAt, msisdn, operator, validUntil, amount, paymentIntentId, source, false);
	}

}
