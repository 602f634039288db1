package io.keepline.contracts.notice;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import io.keepline.contracts.InvalidValueException;
import io.keepline.contracts.Msisdn;
import io.keepline.contracts.OperatorId;

/**
 * Keepline can no longer reach the line's holder (they stopped every channel, or every
 * channel failed for good): the line will lapse unnoticed unless the operator tells them
 * some other way. Told once per line and registration.
 *
 * @param validUntil the validity of the cycle whose message could not be sent
 * @param reason why, as the notifier recorded it (such as
 * {@code holder_unsubscribed_all})
 */
public record HolderUnreachable(UUID noticeId, Instant occurredAt, OperatorId operator, Msisdn msisdn,
		LocalDate validUntil, String reason) implements OperatorNotice {

	public HolderUnreachable {
		InvalidValueException.require(noticeId, "noticeId");
		InvalidValueException.require(occurredAt, "occurredAt");
		InvalidValueException.require(operator, "operator");
		InvalidValueException.require(msisdn, "msisdn");
		InvalidValueException.require(reason, "reason");
	}

}
