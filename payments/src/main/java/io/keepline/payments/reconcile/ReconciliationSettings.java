package io.keepline.payments.reconcile;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of reconciliation ({@code keepline.payments.reconciliation.*}): how far back
 * it catches up at most (Stripe keeps events 30 days), the span of Stripe's Events API
 * read and checkpointed at a time, and the checkpoint age beyond which its health calls
 * it stale; events younger than {@code settle} are left to the webhook (its delivery and
 * its publishing are not raced). Its interval and first look-back are
 * {@code keepline.payments.reconcile-*}.
 *
 * @param maxCatchUp the oldest events read after a long downtime, back from now
 * @param window the span of events read, published and checkpointed at a time
 * @param staleAfter the checkpoint age that health reports as stale
 * @param settle how old an event must be to be reconciled
 */
@Validated
@ConfigurationProperties("keepline.payments.reconciliation")
record ReconciliationSettings(@NotNull @DefaultValue("P30D") Duration maxCatchUp,
		@NotNull @DefaultValue("P1D") Duration window, @NotNull @DefaultValue("PT30M") Duration staleAfter,
		@NotNull @DefaultValue("PT1M") Duration settle) {

	ReconciliationSettings {
		requirePositive("max-catch-up", maxCatchUp);
		requirePositive("window", window);
		requirePositive("stale-after", staleAfter);
		if (settle != null && settle.isNegative()) {
			throw new IllegalArgumentException(
					"keepline.payments.reconciliation.settle must not be negative (was " + settle + ")");
		}
	}

	private static void requirePositive(String name, Duration value) {
		if (value != null && (value.isNegative() || value.isZero())) {
			throw new IllegalArgumentException(
					"keepline.payments.reconciliation." + name + " must be positive (was " + value + ")");
		}
	}

}
