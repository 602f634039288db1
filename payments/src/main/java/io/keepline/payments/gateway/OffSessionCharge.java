package io.keepline.payments.gateway;

import io.keepline.contracts.CycleId;
import io.keepline.contracts.Money;
import io.keepline.contracts.PaymentMethodRef;

/**
 * An off-session charge of a saved method for one attempt at renewing a cycle.
 */
public record OffSessionCharge(CycleId cycle, int attempt, PaymentMethodRef method, Money amount,
		String idempotencyKey) {

}
