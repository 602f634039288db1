package io.keepline.scheduler.deadline;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import io.keepline.contracts.Money;
import io.keepline.contracts.deadline.PaymentFailure;

/**
 * Progress of the renewal cycle being watched: its milestones so far (deadlines fired,
 * reminder stages skipped, the confirmation), whether it is paid, the automatic charge
 * failures so far, and the payment being processed ({@code pendingIntentId}, such as a
 * SEPA debit), if any.
 */
public record Cycle(LocalDate validUntil, List<Milestone> done, String paymentIntentId, Money paidAmount, int failures,
		PaymentFailure lastFailure, boolean autoRenewStopped, String pendingIntentId) {

	public Cycle {
		done = List.copyOf(done);
	}

	static Cycle of(LocalDate validUntil) {
		return new Cycle(validUntil, List.of(), null, null, 0, null, false, null);
	}

	public boolean has(Milestone milestone) {
		return this.done.contains(milestone);
	}

	public boolean paid() {
		return this.paymentIntentId != null;
	}

	/**
	 * Whether a payment of the cycle is being processed: no pressure until it settles.
	 */
	public boolean pending() {
		return this.pendingIntentId != null;
	}

	public boolean lapsed() {
		return has(Milestone.fired(DueKind.LAPSE, 0));
	}

	Cycle with(Milestone milestone) {
		if (has(milestone)) {
			return this;
		}
		List<Milestone> more = new ArrayList<>(this.done);
		more.add(milestone);
		return new Cycle(this.validUntil, more, this.paymentIntentId, this.paidAmount, this.failures, this.lastFailure,
				this.autoRenewStopped, this.pendingIntentId);
	}

	Cycle paidWith(String intentId, Money amount) {
		return new Cycle(this.validUntil, this.done, intentId, amount, this.failures, this.lastFailure,
				this.autoRenewStopped, null)
			.with(Milestone.CONFIRMED);
	}

	Cycle failed(PaymentFailure failure, boolean stop) {
		return new Cycle(this.validUntil, this.done, this.paymentIntentId, this.paidAmount, failure.attempt(), failure,
				stop, this.pendingIntentId);
	}

	/** The cycle with {@code intentId} being processed, or with none (null). */
	Cycle processing(String intentId) {
		return new Cycle(this.validUntil, this.done, this.paymentIntentId, this.paidAmount, this.failures,
				this.lastFailure, this.autoRenewStopped, intentId);
	}

}
