package io.keepline.contracts.line;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.keepline.contracts.Holder;
import io.keepline.contracts.InvalidValueException;
import io.keepline.contracts.Money;
import io.keepline.contracts.Msisdn;
import io.keepline.contracts.OperatorId;

/**
 * A line came under Keepline's watch, or its registration was replaced. {@code leadDays}
 * null means the default stages; {@code autoRenew} absent (null) means no, decided here
 * once for every reader and for ingest, so the accessor never returns null.
 */
public record LineRegistered(UUID eventId, Instant occurredAt, Msisdn msisdn, OperatorId operator, String plan,
		LocalDate validUntil, Money renewalPrice, Holder holder, List<Integer> leadDays,
		Boolean autoRenew) implements LineEvent {

	/**
	 * The reminder stages used when a line names none: 30, 7 and 1 days before expiry.
	 */
	public static final List<Integer> DEFAULT_LEAD_DAYS = List.of(30, 7, 1);

	public LineRegistered {
		InvalidValueException.require(eventId, "eventId");
		InvalidValueException.require(msisdn, "msisdn");
		InvalidValueException.require(operator, "operator");
		InvalidValueException.require(plan, "plan");
		InvalidValueException.require(validUntil, "validUntil");
		InvalidValueException.require(renewalPrice, "renewalPrice");
		InvalidValueException.require(holder, "holder");
		leadDays = (leadDays != null) ? List.copyOf(leadDays) : null;
		autoRenew = Boolean.TRUE.equals(autoRenew);
	}

	/** The lead days in force: the line's own, or {@link #DEFAULT_LEAD_DAYS}. */
	public List<Integer> effectiveLeadDays() {
		return (this.leadDays != null) ? this.leadDays : DEFAULT_LEAD_DAYS;
	}

	@Override
	public LineRegistered receivedAt(Instant instant) {
		return (this.occurredAt != null) ? this : new LineRegistered(this.eventId, instant, this.msisdn, this.operator,
				this.plan, this.validUntil, this.renewalPrice, this.holder, this.leadDays, this.autoRenew);
	}

}
