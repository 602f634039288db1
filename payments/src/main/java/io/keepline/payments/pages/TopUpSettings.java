package io.keepline.payments.pages;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The status page's "I already topped up" ({@code keepline.payments.top-up.*}): how long
 * the scheduler holds the cycle's reminders while the operator's top-up is awaited. The
 * end of the pause travels in {@code TopUpReported}, so the scheduler and the operator's
 * notice read it from there.
 *
 * @param pause how long reminders are held after the holder's report
 */
@ConfigurationProperties("keepline.payments.top-up")
record TopUpSettings(@DefaultValue("P3D") Duration pause) {

	TopUpSettings {
		if (pause == null || pause.isNegative() || pause.isZero()) {
			throw new IllegalArgumentException("keepline.payments.top-up.pause must be positive");
		}
	}

	static TopUpSettings defaults() {
		return new TopUpSettings(Duration.ofDays(3));
	}

}
