package io.keepline.payments.line;

import java.time.LocalDate;

import io.keepline.contracts.Money;

/**
 * One renewal cycle of a line as payments bills it: the price to pay, whether it is still
 * open, and the payment intent that paid it.
 */
public record BillingCycle(LocalDate validUntil, Money price, CycleState state, String paymentIntentId) {

	BillingCycle with(CycleState newState, String intentId) {
		return new BillingCycle(this.validUntil, this.price, newState,
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
