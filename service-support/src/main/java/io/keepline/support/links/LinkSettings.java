package io.keepline.support.links;

import java.net.URI;
import java.nio.charset.StandardCharsets;

import io.keepline.contracts.link.LinkSigner;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Signed holder links ({@code keepline.links.*}), the same for the notifier that writes
 * them and payments that serves them: the secret ({@code KEEPLINE_LINK_SECRET}, at least
 * {@value LinkSigner#MIN_SECRET_BYTES} bytes, no default) and the public base URL of the
 * payments pages ({@code KEEPLINE_LINKS_BASE_URL}).
 *
 * @param secret the HMAC secret
 * @param baseUrl public base URL of the payments pages
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

	/** An absolute URL of a payments page, such as {@code /status/{token}}. */
	public String url(String path) {
		String base = this.baseUrl.toString();
		return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + path;
	}

	@Override
	public String toString() {
		return "LinkSettings[baseUrl=" + this.baseUrl + "]";
	}

}
