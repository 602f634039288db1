package io.keepline.contracts.deadline;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.keepline.contracts.InvalidValueException;
import io.keepline.contracts.Msisdn;
import io.keepline.contracts.OperatorId;

/**
 * The holder is to be told that their line lapsed at {@code lapsedAt}: emitted when the
 * holder's send window next opens after the lapse (at once if it is open), in the
 * holder's time zone; the line itself lapsed at {@link LineLapsed}, which says it to the
 * operator. Not emitted once the line was renewed, cancelled or erased in between. No
 * personal data: the notifier reads the holder from the line record (the {@code holder}
 * of events written before issue 16 is ignored).
 */
@JsonIgnoreProperties({ "holder" })
public record LapseNoticeDue(UUID eventId, Instant occurredAt, Msisdn msisdn, OperatorId operator, LocalDate validUntil,
		Instant lapsedAt) implements DeadlineEvent {

	public LapseNoticeDue {
		InvalidValueException.require(eventId, "eventId");
		InvalidValueException.require(occurredAt, "occurredAt");
		InvalidValueException.require(msisdn, "msisdn");
		InvalidValueException.require(operator, "operator");
		InvalidValueException.require(validUntil, "validUntil");
		InvalidValueException.require(lapsedAt, "lapsedAt");
	}

}
