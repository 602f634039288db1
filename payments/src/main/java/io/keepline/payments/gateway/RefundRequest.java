package io.keepline.payments.gateway;

import io.keepline.contracts.CycleId;
import io.keepline.contracts.Money;

/**
 * A full refund of {@code paymentIntentId}, with its idempotency key
 * {@code refund:{paymentIntentId}}, or {@code refund:{paymentIntentId}:retry-{round}}
 * once Stripe kept a 5xx under the earlier keys and no refund exists.
 */
public record RefundRequest(CycleId cycle, String paymentIntentId, Money amount, int keyRound) {

	public RefundRequest(CycleId cycle, String paymentIntentId, Money amount) {
		this(cycle, paymentIntentId, amount, 0);
	}

	public String idempotencyKey() {
		return RetryKeys.of("refund:" + this.paymentIntentId, this.keyRound);
	}

	/** The same refund under the key of {@code round}. */
	public RefundRequest withKeyRound(int round) {
		return new RefundRequest(this.cycle, this.paymentIntentId, this.amount, round);
	}

}
