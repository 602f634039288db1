package io.keepline.contracts.deadline;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.keepline.contracts.InvalidValueException;
import io.keepline.contracts.Msisdn;
import io.keepline.contracts.OperatorId;

/**
 * The end of the validUntil day (Europe/Brussels) passed with the cycle unpaid: the
 * operator may suspend and later recycle the number. No personal data (the {@code holder}
 * of events written before issue 16 is ignored).
 */
@JsonIgnoreProperties({ "holder" })
public record LineLapsed(UUID eventId, Instant occurredAt, Msisdn msisdn, OperatorId operator,
		LocalDate validUntil) implements DeadlineEvent {

	public LineLapsed {
		InvalidValueException.require(eventId, "eventId");
		InvalidValueException.require(occurredAt, "occurredAt");
		InvalidValueException.require(msisdn, "msisdn");
		InvalidValueException.require(operator, "operator");
		InvalidValueException.require(validUntil, "validUntil");
	}

}
