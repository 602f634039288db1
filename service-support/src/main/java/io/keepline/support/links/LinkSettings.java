package io.keepline.support.links;

import java.net.URI;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;

import io.keepline.contracts.InvalidValueException;
import io.keepline.contracts.link.LinkKey;
import io.keepline.contracts.link.LinkSigner;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Signed holder links ({@code keepline.links.*}), the same for the notifier that writes
 * them and payments that serves them: the link secrets and the public base URL of the
 * payments pages ({@code KEEPLINE_LINKS_BASE_URL}). {@code secrets}
 * ({@code KEEPLINE_LINK_SECRETS}) lists {@code keyId:secret} pairs separated by commas,
 * the first sealing new links and all opening them; {@code secret}
 * ({@code KEEPLINE_LINK_SECRET}) is one more key whose id is derived from it, sealing
 * only when no list is given. Rotating: put the new key first in the list and keep the
 * old secret (in the list or as {@code secret}) until the links it sealed have expired.
 * Every secret is at least {@value LinkSigner#MIN_SECRET_BYTES} bytes; none has a
 * default.
 *
 * @param secret a single secret, its key id derived
 * @param secrets {@code keyId:secret} pairs, the first sealing
 * @param baseUrl public base URL of the payments pages
 */
@Validated
@ConfigurationProperties("keepline.links")
public record LinkSettings(String secret, String secrets, @NotNull @DefaultValue("http://localhost:8084") URI baseUrl) {

	private static final String NAMES = "KEEPLINE_LINK_SECRETS (keepline.links.secrets) or KEEPLINE_LINK_SECRET "
			+ "(keepline.links.secret)";

	@ConstructorBinding
	public LinkSettings {
		keys(secret, secrets);
	}

	/** Settings with one secret, its key id derived. */
	public LinkSettings(String secret, URI baseUrl) {
		this(secret, null, baseUrl);
	}

	/** The link keys, the one sealing new links first. */
	public List<LinkKey> keys() {
		return keys(this.secret, this.secrets);
	}

	private static List<LinkKey> keys(String secret, String secrets) {
		List<LinkKey> keys = new ArrayList<>();
		try {
			if (secrets != null && !secrets.isBlank()) {
				for (String entry : secrets.split(",")) {
					int colon = entry.indexOf(':');
					if (colon <= 0) {
						throw new IllegalArgumentException(NAMES + ": each entry of the list is keyId:secret");
					}
					keys.add(LinkKey.of(entry.substring(0, colon).strip(), entry.substring(colon + 1).strip()));
				}
			}
			if (secret != null && !secret.isBlank()) {
				LinkKey single = LinkKey.derived(secret);
				if (keys.stream().noneMatch((key) -> MessageDigest.isEqual(key.secret(), single.secret()))) {
					keys.add(single);
				}
			}
		}
		catch (InvalidValueException ex) {
			throw new IllegalArgumentException(NAMES + ": " + ex.getMessage(), ex);
		}
		if (keys.isEmpty() || keys.stream().map(LinkKey::id).distinct().count() < keys.size()) {
			throw new IllegalArgumentException(NAMES + " must be set, each secret at least "
					+ LinkSigner.MIN_SECRET_BYTES + " bytes, each key id once");
		}
		return keys;
	}

	/** An absolute URL of a payments page, such as {@code /status/{token}}. */
	public String url(String path) {
		String base = this.baseUrl.toString();
		return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + path;
	}

	@Override
	public String toString() {
		return "LinkSettings[keys=" + keys().stream().map(LinkKey::id).toList() + ", baseUrl=" + this.baseUrl + "]";
	}

}
