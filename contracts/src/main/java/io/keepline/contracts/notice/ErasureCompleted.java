package io.keepline.contracts.notice;

import java.time.Instant;
import java.util.UUID;

import io.keepline.contracts.InvalidValueException;
import io.keepline.contracts.Msisdn;
import io.keepline.contracts.OperatorId;

/**
 * The operator's {@code LineErased} was applied: Keepline no longer watches the line and
 * forgets its holder.
 */
public record ErasureCompleted(UUID noticeId, Instant occurredAt, OperatorId operator,
		Msisdn msisdn) implements OperatorNotice {

	public ErasureCompleted {
		InvalidValueException.require(noticeId, "noticeId");
		InvalidValueException.require(occurredAt, "occurredAt");
		InvalidValueException.require(operator, "operator");
		InvalidValueException.require(msisdn, "msisdn");
	}

}
