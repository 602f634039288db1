package io.keepline.payments.sandbox;

import io.keepline.contracts.CycleId;
import io.keepline.contracts.HolderLocale;
import io.keepline.contracts.Money;

/**
 * A Checkout Session of the offline sandbox: what the local checkout page shows and what
 * its completion event says.
 */
public record SandboxSession(String id, boolean setup, CycleId cycle, Money amount, HolderLocale locale,
		String successUrl, String cancelUrl) {

}
