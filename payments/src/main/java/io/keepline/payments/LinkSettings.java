package io.keepline.payments;

import java.net.URI;
import java.nio.charset.StandardCharsets;

import io.keepline.contracts.link.LinkSigner;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Signed holder links ({@code keepline.links.*}): the secret shared with the notifier
 * ({@code KEEPLINE_LINK_SECRET}, no default) and the public base URL of these pages.
 */
@Validated
@ConfigurationProperties("keepline.links")
public record LinkSettings(String secret, @NotNull @DefaultValue("http://localhost:8084") URI baseUrl) {

	public LinkSettings {
		if (secret == null || secret.getBytes(StandardCharsets.UTF_8).length < LinkSigner.MIN_SECRET_BYTES) {
			throw new IllegalArgumentException("KEEPLINE_LINK_SECRET (keepline.links.secret) must be set to at least "
					+ LinkSigner.MIN_SECRET_BYTES + " bytes");
		}
	}

	/** An absolute URL of a page of this service, such as {@code /status/{token}}. */
	public String url(String path) {
		String base = this.baseUrl.toString();
		return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + path;
	}

	@Override
	public String toString() {
		return "LinkSettings[baseUrl=" + this.baseUrl + "]";
	}

}
