package io.keepline.scheduler.deadline;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import io.keepline.contracts.Money;
import io.keepline.contracts.deadline.PaymentFailure;

/**
 * Progress of the renewal cycle being watched: its milestones so far (deadlines fired,
 * reminder stages skipped, the confirmation), whether it is paid, the automatic charge
 * failures so far, and the payment being processed ({@code pendingIntentId}, such as a
 * SEPA debit), if any, and until when pressure is paused because the holder said they
 * topped up at the operator ({@code pausedUntil}, null when they did not).
 */
public record Cycle(LocalDate validUntil, List<Milestone> done, String paymentIntentId, Money paidAmount, int failures,
		PaymentFailure lastFailure, boolean autoRenewStopped, String pendingIntentId, Instant pausedUntil) {

	public Cycle {
		done = List.copyOf(done);
	}

	static Cycle of(LocalDate validUntil) {
		return new Cycle(validUntil, List.of(), null, null, 0, null, false, null, null);
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
				this.autoRenewStopped, this.pendingIntentId, this.pausedUntil);
	}

	Cycle paidWith(String intentId, Money amount) {
		return new Cycle(this.validUntil, this.done, intentId, amount, this.failures, this.lastFailure,
				this.autoRenewStopped, null, this.pausedUntil)
			.with(Milestone.CONFIRMED);
	}

	Cycle failed(PaymentFailure failure, boolean stop) {
		return new Cycle(this.validUntil, this.done, this.paymentIntentId, this.paidAmount, failure.attempt(), failure,
				stop, this.pendingIntentId, this.pausedUntil);
	}

	/** The cycle with {@code intentId} being processed, or with none (null). */
	Cycle processing(String intentId) {
		return new Cycle(this.validUntil, this.done, this.paymentIntentId, this.paidAmount, this.failures,
				this.lastFailure, this.autoRenewStopped, intentId, this.pausedUntil);
	}

	/** The cycle with its pressure paused until {@code until}. */
	Cycle pausedUntil(Instant until) {
		return new Cycle(this.validUntil, this.done, this.paymentIntentId, this.paidAmount, this.failures,
				this.lastFailure, this.autoRenewStopped, this.pendingIntentId, until);
	}

	/**
	 * The instant from which pressure may reach the holder: {@code now}, or the end of
	 * the pause while it lasts.
	 */
	Instant pressureFrom(Instant now) {
		return (this.pausedUntil != null && this.pausedUntil.isAfter(now)) ? this.pausedUntil : now;
	}

}
