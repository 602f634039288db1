package io.keepline.contracts.notice;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import io.keepline.contracts.InvalidValueException;
import io.keepline.contracts.Msisdn;
import io.keepline.contracts.OperatorId;

/**
 * The line's validity ended on {@code validUntil} unpaid: Keepline stops watching that
 * cycle, and the operator may suspend the line.
 */
public record ValidityLapsed(UUID noticeId, Instant occurredAt, OperatorId operator, Msisdn msisdn,
		LocalDate validUntil) implements OperatorNotice {

	public ValidityLapsed {
		InvalidValueException.require(noticeId, "noticeId");
		InvalidValueException.require(occurredAt, "occurredAt");
		InvalidValueException.require(operator, "operator");
		InvalidValueException.require(msisdn, "msisdn");
		InvalidValueException.require(validUntil, "validUntil");
	}

}
