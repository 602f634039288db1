package io.keepline.payments.view;

import java.time.LocalDate;

import io.keepline.contracts.Money;

/**
 * One renewal cycle as payments sees it: the price to pay and whether it is still open.
 */
public record CycleView(LocalDate validUntil, Money price, CycleState state, String paymentIntentId) {

	CycleView with(CycleState newState, String intentId) {
		return new CycleView(this.validUntil, this.price, newState,
				(intentId != null) ? intentId : this.paymentIntentId);
	}

	/** Where a cycle stands. */
	public enum CycleState {

		/** Reminders are running: the holder can pay. */
		OPEN,

		/** The scheduler confirmed the renewal. */
		PAID,

		/** The validity passed unpaid. */
		LAPSED

	}

}
