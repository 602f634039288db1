package io.keepline.contracts.deadline;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.keepline.contracts.InvalidValueException;
import io.keepline.contracts.Money;
import io.keepline.contracts.Msisdn;
import io.keepline.contracts.OperatorId;

/**
 * A reminder stage fell due: remind the holder {@code stage} days before
 * {@code validUntil}. Carries the price as it was, the date of the planned automatic
 * charge when there is one, and the failure that caused it when {@code trigger} is
 * {@link ReminderTrigger#AUTO_RENEWAL_FAILED}; no personal data: the holder's contact and
 * card are read from the line record (the {@code holder} of events written before issue
 * 16 is ignored).
 */
@JsonIgnoreProperties({ "holder" })
public record ReminderDue(UUID eventId, Instant occurredAt, Msisdn msisdn, OperatorId operator, LocalDate validUntil,
		int stage, Instant dueAt, ReminderTrigger trigger, Money price, PlannedCharge plannedCharge,
		PaymentFailure failure) implements DeadlineEvent {

	public ReminderDue {
		InvalidValueException.require(eventId, "eventId");
		InvalidValueException.require(occurredAt, "occurredAt");
		InvalidValueException.require(msisdn, "msisdn");
		InvalidValueException.require(operator, "operator");
		InvalidValueException.require(validUntil, "validUntil");
		InvalidValueException.require(dueAt, "dueAt");
		InvalidValueException.require(trigger, "trigger");
		InvalidValueException.require(price, "price");
	}

}
