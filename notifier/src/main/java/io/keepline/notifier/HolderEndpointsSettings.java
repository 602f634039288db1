package io.keepline.notifier;

import java.net.URI;
import java.time.Duration;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The notifier's holder-facing endpoints ({@code keepline.notifier.holders.*}): the
 * one-click unsubscribe and the SMS provider's inbound webhook.
 *
 * @param baseUrl the notifier's public address as holders and the SMS provider reach it
 * ({@code KEEPLINE_NOTIFIER_PUBLIC_URL}): unsubscribe links start with it, and inbound
 * SMS signatures are checked against it
 * @param unsubscribeLinkTtl how long an email's unsubscribe link works
 */
@Validated
@ConfigurationProperties("keepline.notifier.holders")
public record HolderEndpointsSettings(@DefaultValue("http://localhost:8083") @NotNull URI baseUrl,
		@DefaultValue("90d") @NotNull Duration unsubscribeLinkTtl) {

	/** {@link #baseUrl()} without a trailing slash. */
	public String base() {
		String base = this.baseUrl.toString();
		return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
	}

}
