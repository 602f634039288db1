package io.keepline.payments.gateway;

import io.keepline.contracts.CycleId;
import io.keepline.contracts.Money;

/**
 * A full refund of {@code paymentIntentId}, with its idempotency key
 * {@code refund:{paymentIntentId}}, or {@code refund:{paymentIntentId}:retry-{round}}
 * once Stripe kept a 5xx under the earlier keys and no refund exists. {@code reason} is
 * Keepline's ({@link #ALREADY_PAID}, a price mismatch, {@link #LINE_NOT_MANAGED}; null
 * for a refund planned before reasons were given, always a second payment).
 */
public record RefundRequest(CycleId cycle, String paymentIntentId, Money amount, String reason, int keyRound) {

	/** The cycle was already paid: Stripe's reason {@code duplicate}. */
	public static final String ALREADY_PAID = "already_paid";

	/** The line was erased or is no longer managed here when its payment came. */
	public static final String LINE_NOT_MANAGED = "line_not_managed";

	public RefundRequest(CycleId cycle, String paymentIntentId, Money amount, String reason) {
		this(cycle, paymentIntentId, amount, reason, 0);
	}

	/**
	 * Stripe's reason: {@code duplicate} for a second payment of a cycle, else
	 * {@code requested_by_customer} (Keepline refunds what it cannot take).
	 */
	public boolean duplicate() {
		return this.reason == null || ALREADY_PAID.equals(this.reason);
	}

	public String idempotencyKey() {
		return RetryKeys.of("refund:" + this.paymentIntentId, this.keyRound);
	}

	/** The same refund under the key of {@code round}. */
	public RefundRequest withKeyRound(int round) {
		return new RefundRequest(this.cycle, this.paymentIntentId, this.amount, this.reason, round);
	}

}
