package io.keepline.contracts.notice;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import io.keepline.contracts.InvalidValueException;
import io.keepline.contracts.Money;
import io.keepline.contracts.Msisdn;
import io.keepline.contracts.OperatorId;

/**
 * The holder paid the cycle ending {@code validUntil}: top the line up on {@code plan}
 * and report the new validity as {@code ValidityExtended}. {@code plan} is null when the
 * line's registration was not seen; {@code paymentId} is the Stripe payment intent.
 * {@code settledAfterLapse} true means the payment (a SEPA debit) settled after the
 * validity date, once {@code ValidityLapsed} was sent: the line may have been suspended
 * and must be restored, and the new validity still counts from {@code validUntil} (false
 * in notices written before it existed).
 */
public record RenewalPaid(UUID noticeId, Instant occurredAt, OperatorId operator, Msisdn msisdn, LocalDate validUntil,
		String plan, Money amount, String paymentId, Boolean settledAfterLapse) implements OperatorNotice {

	public RenewalPaid {
		InvalidValueException.require(noticeId, "noticeId");
		InvalidValueException.require(occurredAt, "occurredAt");
		InvalidValueException.require(operator, "operator");
		InvalidValueException.require(msisdn, "msisdn");
		InvalidValueException.require(validUntil, "validUntil");
		InvalidValueException.require(amount, "amount");
		settledAfterLapse = Boolean.TRUE.equals(settledAfterLapse);
	}

	/** A notice of a payment that settled before the validity date. */
	public RenewalPaid(UUID noticeId, Instant occurredAt, OperatorId operator, Msisdn msisdn, LocalDate validUntil,
			String plan, Money amount, String paymentId) {
		this(noticeId, occurredAt, operator, msisdn, validUntil, plan, amount, paymentId, false);
	}

}
