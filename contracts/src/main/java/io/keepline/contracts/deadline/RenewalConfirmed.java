package io.keepline.contracts.deadline;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import io.keepline.contracts.Holder;
import io.keepline.contracts.InvalidValueException;
import io.keepline.contracts.Money;
import io.keepline.contracts.Msisdn;
import io.keepline.contracts.OperatorId;

/**
 * The cycle is paid: the operator integration applies the top-up, and the holder gets a
 * receipt.
 */
public record RenewalConfirmed(UUID eventId, Instant occurredAt, Msisdn msisdn, OperatorId operator,
		LocalDate validUntil, Money amount, String paymentIntentId, Holder holder) implements DeadlineEvent {

	public RenewalConfirmed {
		InvalidValueException.require(eventId, "eventId");
		InvalidValueException.require(occurredAt, "occurredAt");
		InvalidValueException.require(msisdn, "msisdn");
		InvalidValueException.require(operator, "operator");
		InvalidValueException.require(validUntil, "validUntil");
		InvalidValueException.require(amount, "amount");
		InvalidValueException.require(holder, "holder");
	}

}
