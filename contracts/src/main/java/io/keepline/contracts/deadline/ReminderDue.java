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
 * A reminder stage fell due: remind the holder {@code stage} days before
 * {@code validUntil}. Carries the holder and price as they were, the planned automatic
 * charge when there is one, and the failure that caused it when {@code trigger} is
 * {@link ReminderTrigger#AUTO_RENEWAL_FAILED}.
 */
public record ReminderDue(UUID eventId, Instant occurredAt, Msisdn msisdn, OperatorId operator, LocalDate validUntil,
		int stage, Instant dueAt, ReminderTrigger trigger, Holder holder, Money price, PlannedCharge plannedCharge,
		PaymentFailure failure) implements DeadlineEvent {

	public ReminderDue {
		InvalidValueException.require(eventId, "eventId");
		InvalidValueException.require(occurredAt, "occurredAt");
		InvalidValueException.require(msisdn, "msisdn");
		InvalidValueException.require(operator, "operator");
		InvalidValueException.require(validUntil, "validUntil");
		InvalidValueException.require(dueAt, "dueAt");
		InvalidValueException.require(trigger, "trigger");
		InvalidValueException.require(holder, "holder");
		InvalidValueException.require(price, "price");
	}

}
