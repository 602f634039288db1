package io.keepline.contracts.notice;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import io.keepline.contracts.InvalidValueException;
import io.keepline.contracts.Money;
import io.keepline.contracts.Msisdn;
import io.keepline.contracts.OperatorId;

/**
 * A payment for the cycle ending {@code validUntil} was refunded to the holder: nothing
 * to top up for it. {@code reason} is a code such as {@code already_paid}.
 */
public record RefundIssued(UUID noticeId, Instant occurredAt, OperatorId operator, Msisdn msisdn, LocalDate validUntil,
		Money amount, String paymentId, String refundId, String reason) implements OperatorNotice {

	public RefundIssued {
		InvalidValueException.require(noticeId, "noticeId");
		InvalidValueException.require(occurredAt, "occurredAt");
		InvalidValueException.require(operator, "operator");
		InvalidValueException.require(msisdn, "msisdn");
		InvalidValueException.require(validUntil, "validUntil");
		InvalidValueException.require(amount, "amount");
		InvalidValueException.require(reason, "reason");
	}

}
