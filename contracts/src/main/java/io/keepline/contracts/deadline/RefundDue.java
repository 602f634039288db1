package io.keepline.contracts.deadline;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import io.keepline.contracts.InvalidValueException;
import io.keepline.contracts.Money;
import io.keepline.contracts.Msisdn;
import io.keepline.contracts.OperatorId;

/**
 * A payment arrived for a cycle that was already paid: payments refunds
 * {@code paymentIntentId}.
 */
public record RefundDue(UUID eventId, Instant occurredAt, Msisdn msisdn, OperatorId operator, LocalDate validUntil,
		String paymentIntentId, Money amount, String reason) implements DeadlineEvent {

	public RefundDue {
		InvalidValueException.require(eventId, "eventId");
		InvalidValueException.require(occurredAt, "occurredAt");
		InvalidValueException.require(msisdn, "msisdn");
		InvalidValueException.require(operator, "operator");
		InvalidValueException.require(validUntil, "validUntil");
		InvalidValueException.require(paymentIntentId, "paymentIntentId");
		InvalidValueException.require(amount, "amount");
	}

}
