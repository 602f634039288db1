package io.keepline.payments.pages;

import java.net.URI;
import java.time.Duration;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where the status page sends a holder to choose their channels and language
 * ({@code keepline.payments.preference-page.*}): the notifier's public address
 * ({@code KEEPLINE_NOTIFIER_PUBLIC_URL}, the notifier's own
 * {@code keepline.notifier.holders.base-url}) and how long the link works, which must be
 * the notifier's {@code keepline.notifier.holders.unsubscribe-link-ttl}.
 *
 * @param notifierUrl the notifier's public address
 * @param linkTtl how long a preference link works
 */
@Validated
@ConfigurationProperties("keepline.payments.preference-page")
record PreferencePageSettings(@DefaultValue("http://localhost:8083") @NotNull URI notifierUrl,
		@DefaultValue("90d") @NotNull Duration linkTtl) {

	static PreferencePageSettings defaults() {
		return new PreferencePageSettings(URI.create("http://localhost:8083"), Duration.ofDays(90));
	}

	/** {@link #notifierUrl()} without a trailing slash. */
	String base() {
		String base = this.notifierUrl.toString();
		return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
	}

}
