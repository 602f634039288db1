package io.keepline.scheduler.deadline;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import io.keepline.contracts.Money;
import io.keepline.contracts.deadline.PaymentFailure;

/**
 * Progress of the renewal cycle being watched: its milestones so far (deadlines fired,
 * reminder stages skipped, the confirmation), whether it is paid, and the automatic
 * charge failures so far.
 */
public record Cycle(LocalDate validUntil, List<Milestone> done, String paymentIntentId, Money paidAmount, int failures,
		PaymentFailure lastFailure, boolean autoRenewStopped) {

	public Cycle {
		done = List.copyOf(done);
	}

	static Cycle of(LocalDate validUntil) {
		return new Cycle(validUntil, List.of(), null, null, 0, null, false);
	}

	public boolean has(Milestone milestone) {
		return this.done.contains(milestone);
	}

	public boolean paid() {
		return this.paymentIntentId != null;
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
				this.autoRenewStopped);
	}

	Cycle paidWith(String intentId, Money amount) {
		return new Cycle(this.validUntil, this.done, intentId, amount, this.failures, this.lastFailure,
				this.autoRenewStopped)
			.with(Milestone.CONFIRMED);
	}

	Cycle failed(PaymentFailure failure, boolean stop) {
		return new Cycle(this.validUntil, this.done, this.paymentIntentId, this.paidAmount, failure.attempt(), failure,
				stop);
	}

}
