package io.keepline.contracts.link;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Pattern;

import io.keepline.contracts.InvalidValueException;

/**
 * One link secret and the key id that names it in every token it protects. Several keys
 * let the secret be rotated: the first signs, all verify.
 *
 * @param id the key id: 1 to 16 letters, digits, {@code -} or {@code _}
 * @param secret the secret, at least {@value LinkSigner#MIN_SECRET_BYTES} bytes
 */
public record LinkKey(String id, byte[] secret) {

	private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,16}");

	public LinkKey {
		if (id == null || !ID.matcher(id).matches()) {
			throw new InvalidValueException("linkKeyId", "invalid",
					"a link key id is 1 to 16 letters, digits, '-' or '_'");
		}
		if (secret == null || secret.length < LinkSigner.MIN_SECRET_BYTES) {
			throw new InvalidValueException("linkSecret", "too_short",
					"the link secret must be at least " + LinkSigner.MIN_SECRET_BYTES + " bytes");
		}
		secret = secret.clone();
	}

	/**
	 * The key of a secret given alone (such as {@code KEEPLINE_LINK_SECRET}), taken as
	 * UTF-8 bytes, with an id derived from it: {@code s} and 7 characters of a keyed
	 * hash, the same on every start, revealing nothing of the secret.
	 */
	public static LinkKey derived(String secret) {
		byte[] bytes = (secret != null) ? secret.getBytes(StandardCharsets.UTF_8) : null;
		if (bytes == null || bytes.length < LinkSigner.MIN_SECRET_BYTES) {
			return new LinkKey("s", bytes);
		}
		byte[] hash = Hkdf.derive(bytes, "keepline link key id", 6);
		return new LinkKey("s" + Base64.getUrlEncoder().withoutPadding().encodeToString(hash).substring(0, 7), bytes);
	}

	/** A key named {@code id} for a secret given as text, taken as UTF-8 bytes. */
	public static LinkKey of(String id, String secret) {
		return new LinkKey(id, (secret != null) ? secret.getBytes(StandardCharsets.UTF_8) : null);
	}

	@Override
	public byte[] secret() {
		return this.secret.clone();
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof LinkKey key && key.id.equals(this.id)
				&& java.security.MessageDigest.isEqual(key.secret, this.secret);
	}

	@Override
	public int hashCode() {
		return this.id.hashCode();
	}

	@Override
	public String toString() {
		return "LinkKey[" + this.id + "]";
	}

}
