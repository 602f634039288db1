package io.keepline.payments.gateway;

import io.keepline.contracts.CycleId;
import io.keepline.contracts.HolderLocale;

/**
 * A Checkout Session in setup mode for the line of {@code cycle}, reusing
 * {@code customerId} when the holder already has one.
 */
public record SetupRequest(CycleId cycle, HolderLocale locale, String customerId, String successUrl, String cancelUrl,
		String idempotencyKey) {

}
