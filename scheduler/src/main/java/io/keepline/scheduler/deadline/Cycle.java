package io.keepline.scheduler.deadline;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import io.keepline.contracts.Money;
import io.keepline.contracts.deadline.PaymentFailure;

/**
 * Progress of the renewal cycle being watched: which stages are done (emitted, or skipped
 * with an {@code X} marker), whether it is paid, and the automatic charge failures so
 * far.
 */
public record Cycle(LocalDate validUntil, List<String> done, String paymentIntentId, Money paidAmount, int failures,
		PaymentFailure lastFailure, boolean autoRenewStopped) {

	/** Marker of the cycle's confirmation. */
	static final String CONFIRMED = "C";

	public Cycle {
		done = List.copyOf(done);
	}

	static Cycle of(LocalDate validUntil) {
		return new Cycle(validUntil, List.of(), null, null, 0, null, false);
	}

	public boolean has(String marker) {
		return this.done.contains(marker);
	}

	public boolean paid() {
		return this.paymentIntentId != null;
	}

	public boolean lapsed() {
		return has(DueKind.LAPSE.marker(0));
	}

	Cycle with(String marker) {
		if (has(marker)) {
			return this;
		}
		List<String> more = new ArrayList<>(this.done);
		more.add(marker);
		return new Cycle(this.validUntil, more, this.paymentIntentId, this.paidAmount, this.failures, this.lastFailure,
				this.autoRenewStopped);
	}

	Cycle paidWith(String intentId, Money amount) {
		return new Cycle(this.validUntil, this.done, intentId, amount, this.failures, this.lastFailure,
				this.autoRenewStopped)
			.with(CONFIRMED);
	}

	Cycle failed(PaymentFailure failure, boolean stop) {
		return new Cycle(this.validUntil, this.done, this.paymentIntentId, this.paidAmount, failure.attempt(), failure,
				stop);
	}

}
