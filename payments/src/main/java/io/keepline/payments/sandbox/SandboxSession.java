package io.keepline.payments.sandbox;

import java.util.Currency;
import java.util.Map;

import io.keepline.contracts.CycleId;
import io.keepline.contracts.HolderLocale;
import io.keepline.contracts.Money;

/**
 * A Checkout Session of the offline sandbox: what the local checkout page shows and what
 * its completion event says ({@code amount} null in setup mode, {@code metadata} as
 * Stripe would hold it).
 */
public record SandboxSession(String id, boolean setup, CycleId cycle, Money amount, Currency currency,
		HolderLocale locale, String successUrl, String cancelUrl, Map<String, String> metadata) {

	public SandboxSession {
		metadata = Map.copyOf(metadata);
	}

}
