package io.keepline.payments.gateway;

import java.time.Instant;
import java.util.Currency;

import io.keepline.contracts.CycleId;
import io.keepline.contracts.HolderLocale;

/**
 * A Checkout Session in setup mode for the line of {@code cycle}, in the line's
 * {@code currency}, for the registration made at {@code registeredAt} (so a method saved
 * after the number changed hands can be told apart), reusing {@code customerId} when the
 * holder already has one.
 */
public record SetupRequest(CycleId cycle, HolderLocale locale, String customerId, Currency currency,
		Instant registeredAt, String successUrl, String cancelUrl, String idempotencyKey) {

}
