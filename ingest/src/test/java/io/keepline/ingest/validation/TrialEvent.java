package io.keepline.ingest.validation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.keepline.contracts.Holder;
import io.keepline.contracts.InvalidValueException;
import io.keepline.contracts.Money;
import io.keepline.contracts.Msisdn;
import io.keepline.contracts.OperatorId;

/**
 * A topic's sealed interface shaped and registered exactly like contracts' line-events,
 * as it would be once someone added fields to it: {@code Registered} is
 * {@code LineRegistered} plus {@code graceDays}, {@code paperless} and a nested
 * {@code Contact} with a {@code pager}; {@code Paused} is a type contracts does not have.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
@JsonSubTypes({ @JsonSubTypes.Type(value = TrialEvent.Registered.class, name = "LineRegistered"),
		@JsonSubTypes.Type(value = TrialEvent.Paused.class, name = "LinePaused") })
public sealed interface TrialEvent permits TrialEvent.Registered, TrialEvent.Paused {

	record Registered(UUID eventId, Instant occurredAt, Msisdn msisdn, OperatorId operator, String plan,
			LocalDate validUntil, Money renewalPrice, Holder holder, List<Integer> leadDays, Boolean autoRenew,
			Integer graceDays, Boolean paperless, Contact contact) implements TrialEvent {

		public Registered {
			InvalidValueException.require(plan, "plan");
			InvalidValueException.require(paperless, "paperless");
		}

	}

	record Paused(UUID eventId, Instant occurredAt, Msisdn msisdn, OperatorId operator,
			LocalDate until) implements TrialEvent {

	}

	record Contact(String pager, Msisdn sms) {

	}

}
