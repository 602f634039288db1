package io.keepline.payments.gateway;

import io.keepline.contracts.CycleId;
import io.keepline.contracts.HolderLocale;
import io.keepline.contracts.Money;

/**
 * A Checkout Session to pay {@code price} for {@code cycle}, in the holder's language,
 * returning to {@code successUrl} or {@code cancelUrl}.
 */
public record CheckoutRequest(CycleId cycle, Money price, HolderLocale locale, String successUrl, String cancelUrl,
		String idempotencyKey) {

}
