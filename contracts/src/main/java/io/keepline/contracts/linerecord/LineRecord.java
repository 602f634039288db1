package io.keepline.contracts.linerecord;

import java.time.Instant;
import java.time.LocalDate;

import io.keepline.contracts.CycleId;
import io.keepline.contracts.Holder;
import io.keepline.contracts.InvalidValueException;
import io.keepline.contracts.Money;
import io.keepline.contracts.Msisdn;
import io.keepline.contracts.OperatorId;

/**
 * One line's current truth, as the scheduler holds it: the value of
 * {@link io.keepline.contracts.topic.Topics#LINES}, rewritten in the scheduler's
 * exactly-once transaction whenever one of these fields changes; a tombstone once the
 * line is erased. {@code validUntil} is the current cycle's date (the cycle is
 * {@code msisdn:validUntil}); {@code registeredAt} is when the current registration was
 * made, so a link or event from before a re-registration (a recycled number) can be told
 * apart; {@code updatedAt} when the record last changed. Next deadlines are not here:
 * they stay with the scheduler's read API, so that firing a reminder does not rewrite the
 * record.
 */
public record LineRecord(Msisdn msisdn, OperatorId operator, String plan, LocalDate validUntil, CycleState cycleState,
		Money price, AutoRenewal autoRenewal, Holder holder, Instant registeredAt, Instant updatedAt) {

	public LineRecord {
		InvalidValueException.require(msisdn, "msisdn");
		InvalidValueException.require(operator, "operator");
		InvalidValueException.require(validUntil, "validUntil");
		InvalidValueException.require(cycleState, "cycleState");
		InvalidValueException.require(price, "price");
		InvalidValueException.require(holder, "holder");
		autoRenewal = (autoRenewal != null) ? autoRenewal : AutoRenewal.OFF;
	}

	/** The current cycle. */
	public CycleId cycle() {
		return new CycleId(this.msisdn, this.validUntil);
	}

	/**
	 * Whether {@code cycle} is this line's current cycle and the holder can still pay it.
	 */
	public boolean payable(CycleId cycle) {
		return cycle().equals(cycle) && this.cycleState.payable();
	}

	/** Whether Keepline still watches the line (not cancelled). */
	public boolean managed() {
		return this.cycleState != CycleState.CANCELLED;
	}

	@Override
	public String toString() {
		return "LineRecord[" + this.msisdn.masked() + ", " + this.operator + ", cycle " + this.validUntil + ", "
				+ this.cycleState + ", " + this.holder + "]";
	}

}
