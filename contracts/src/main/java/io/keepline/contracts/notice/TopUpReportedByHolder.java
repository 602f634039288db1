package io.keepline.contracts.notice;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import io.keepline.contracts.InvalidValueException;
import io.keepline.contracts.Msisdn;
import io.keepline.contracts.OperatorId;

/**
 * The holder says on their status page that they already topped the line up with the
 * operator for the cycle ending {@code validUntil}: Keepline holds its reminders until
 * {@code remindersPausedUntil} and waits for the operator's {@code ValidityExtended}. The
 * operator checks the top-up and applies it; without it, reminders resume then, and the
 * line lapses at the end of {@code validUntil} as always.
 *
 * @param validUntil the validity of the cycle the holder says they topped up
 * @param remindersPausedUntil until when Keepline holds the holder's reminders
 */
public record TopUpReportedByHolder(UUID noticeId, Instant occurredAt, OperatorId operator, Msisdn msisdn,
		LocalDate validUntil, Instant remindersPausedUntil) implements OperatorNotice {

	public TopUpReportedByHolder {
		InvalidValueException.require(noticeId, "noticeId");
		InvalidValueException.require(occurredAt, "occurredAt");
		InvalidValueException.require(operator, "operator");
		InvalidValueException.require(msisdn, "msisdn");
		InvalidValueException.require(validUntil, "validUntil");
		InvalidValueException.require(remindersPausedUntil, "remindersPausedUntil");
	}

}
