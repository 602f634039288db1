package io.keepline.notifier;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * One email for several pay reminders of one holder (same address): whether the notifier
 * gathers them, and for how long a reminder waits for its siblings after it arrived
 * ({@code gatherWindow}, at most {@link #MAX_GATHER_WINDOW}). The scheduler fires every
 * reminder of a day at the same local send hour (its punctuator scans every 250 ms), so
 * siblings arrive within a second or two of each other. Pseudonyms of addresses are made
 * with {@code secret} ({@code KEEPLINE_HOLDER_PSEUDONYM_SECRET}), or, if unset, a key
 * derived from the link signing secret. {@code retryBackoff}: how long a digest that
 * could not be sent waits before the next try, doubling up to {@code maxRetryBackoff}.
 */
@Validated
@ConfigurationProperties("keepline.notifier.digest")
public record DigestSettings(@DefaultValue("true") boolean enabled, @DefaultValue("10s") @NotNull Duration gatherWindow,
		String secret, @DefaultValue("5s") @NotNull Duration retryBackoff,
		@DefaultValue("5m") @NotNull Duration maxRetryBackoff) {

	/** The longest a reminder may be held back for siblings. */
	public static final Duration MAX_GATHER_WINDOW = Duration.ofMinutes(10);

	public DigestSettings {
		if (gatherWindow != null && (gatherWindow.isNegative() || gatherWindow.compareTo(MAX_GATHER_WINDOW) > 0)) {
			throw new IllegalArgumentException("keepline.notifier.digest.gather-window must be between 0 and "
					+ MAX_GATHER_WINDOW + ", not " + gatherWindow);
		}
		if (retryBackoff != null && (retryBackoff.isZero() || retryBackoff.isNegative())) {
			throw new IllegalArgumentException("keepline.notifier.digest.retry-backoff must be positive");
		}
	}

	@Override
	public String toString() {
		return "DigestSettings[enabled=" + this.enabled + ", gatherWindow=" + this.gatherWindow + ", secret="
				+ ((this.secret != null) ? "set" : "derived") + "]";
	}

}
