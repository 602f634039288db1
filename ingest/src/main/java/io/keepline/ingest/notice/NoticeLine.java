package io.keepline.ingest.notice;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import io.keepline.contracts.OperatorId;
import io.keepline.contracts.line.LineOwner;

/**
 * What the notices need to know of one line: its owner (as {@code LineOwnership}
 * decides), its plan and latest known validity, the paid renewal waiting for its top-up,
 * the reason of the last refund asked for, and whether the operator was told that the
 * current registration's holder is unreachable. No holder data.
 */
record NoticeLine(LineOwner owner, String plan, LocalDate validUntil, Awaiting awaiting, Refund refund,
		boolean unreachableTold) {

	static final NoticeLine NONE = new NoticeLine(null, null, null, null, null, false);

	NoticeLine(LineOwner owner, String plan, LocalDate validUntil, Awaiting awaiting, Refund refund) {
		this(owner, plan, validUntil, awaiting, refund, false);
	}

	/** This line with the operator told (or, for a new registration, not yet told). */
	NoticeLine withUnreachableTold(boolean told) {
		return new NoticeLine(this.owner, this.plan, this.validUntil, this.awaiting, this.refund, told);
	}

	OperatorId operator() {
		return (this.owner != null) ? this.owner.operator() : null;
	}

	boolean waitingPastBound() {
		return this.awaiting != null && this.awaiting.alerted();
	}

	NoticeLine withOwner(LineOwner next) {
		return new NoticeLine(next, this.plan, this.validUntil, this.awaiting, this.refund, this.unreachableTold);
	}

	NoticeLine withValidity(String nextPlan, LocalDate next) {
		LocalDate latest = (this.validUntil == null || next.isAfter(this.validUntil)) ? next : this.validUntil;
		Awaiting still = (this.awaiting != null && latest.isAfter(this.awaiting.validUntil())) ? null : this.awaiting;
		return new NoticeLine(this.owner, (nextPlan != null) ? nextPlan : this.plan, latest, still, this.refund,
				this.unreachableTold);
	}

	NoticeLine withAwaiting(Awaiting next) {
		return new NoticeLine(this.owner, this.plan, this.validUntil, next, this.refund, this.unreachableTold);
	}

	NoticeLine withRefund(Refund next) {
		return new NoticeLine(this.owner, this.plan, this.validUntil, this.awaiting, next, this.unreachableTold);
	}

	/**
	 * A paid cycle waiting for the operator's top-up: the confirmation's event id, the
	 * cycle, when it was paid and by when it must be applied; {@code alerted} once the
	 * alert was raised.
	 */
	record Awaiting(UUID confirmationId, LocalDate validUntil, Instant paidAt, Instant expectedBy, boolean alerted) {

		Awaiting raised() {
			return new Awaiting(this.confirmationId, this.validUntil, this.paidAt, this.expectedBy, true);
		}

	}

	/** A refund the scheduler asked for: the payment and why. */
	record Refund(String paymentId, String reason) {

	}

}
