package io.keepline.payments.renewal;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How payments settles a charge or refund Stripe did not answer
 * ({@code keepline.payments.gateway-retry.*}): re-checked after {@code initial-backoff},
 * doubling up to {@code max-backoff}; an automatic renewal still unsettled
 * {@code deadline} after its {@code AutoRenewalDue} was planned (default 20 hours, well
 * before the next attempt a day later) is published as a retryable
 * {@code gateway_unavailable} failure. A refund is never given up.
 */
@Validated
@ConfigurationProperties("keepline.payments.gateway-retry")
public record GatewayRetrySettings(@NotNull @DefaultValue("PT20H") Duration deadline,
		@NotNull @DefaultValue("PT5S") Duration initialBackoff, @NotNull @DefaultValue("PT5M") Duration maxBackoff) {

	public GatewayRetrySettings {
		for (Duration value : new Duration[] { deadline, initialBackoff, maxBackoff }) {
			if (value != null && (value.isNegative() || value.isZero())) {
				throw new IllegalArgumentException(
						"keepline.payments.gateway-retry.* must be positive durations (was " + value + ")");
			}
		}
		if (initialBackoff != null && maxBackoff != null && initialBackoff.compareTo(maxBackoff) > 0) {
			throw new IllegalArgumentException("keepline.payments.gateway-retry.initial-backoff (" + initialBackoff
					+ ") must not exceed max-backoff (" + maxBackoff + ")");
		}
	}

	/** The wait before re-check number {@code tries} (from 1): doubling, capped. */
	Duration backoff(int tries) {
		Duration delay = this.initialBackoff;
		for (int i = 1; i < tries && delay.compareTo(this.maxBackoff) < 0; i++) {
			delay = delay.multipliedBy(2);
		}
		return (delay.compareTo(this.maxBackoff) > 0) ? this.maxBackoff : delay;
	}

}
