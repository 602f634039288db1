package io.keepline.payments.gateway;

import io.keepline.contracts.CycleId;
import io.keepline.contracts.Money;

/**
 * A full refund of {@code paymentIntentId}, with its idempotency key
 * {@code refund:{paymentIntentId}}.
 */
public record RefundRequest(CycleId cycle, String paymentIntentId, Money amount) {

	public String idempotencyKey() {
		return "refund:" + this.paymentIntentId;
	}

}
