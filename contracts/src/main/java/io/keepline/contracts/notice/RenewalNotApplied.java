package io.keepline.contracts.notice;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import io.keepline.contracts.InvalidValueException;
import io.keepline.contracts.Msisdn;
import io.keepline.contracts.OperatorId;

/**
 * An alert: the cycle ending {@code validUntil} was paid at {@code paidAt}, and no
 * {@code ValidityExtended} beyond it came by {@code expectedBy}. The holder paid; the
 * line must be topped up before the operator suspends it.
 */
public record RenewalNotApplied(UUID noticeId, Instant occurredAt, OperatorId operator, Msisdn msisdn,
		LocalDate validUntil, Instant paidAt, Instant expectedBy) implements OperatorNotice {

	public RenewalNotApplied {
		InvalidValueException.require(noticeId, "noticeId");
		InvalidValueException.require(occurredAt, "occurredAt");
		InvalidValueException.require(operator, "operator");
		InvalidValueException.require(msisdn, "msisdn");
		InvalidValueException.require(validUntil, "validUntil");
		InvalidValueException.require(paidAt, "paidAt");
		InvalidValueException.require(expectedBy, "expectedBy");
	}

}
