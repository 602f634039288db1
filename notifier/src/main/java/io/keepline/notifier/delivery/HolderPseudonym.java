package io.keepline.notifier.delivery;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Locale;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A stable pseudonym of a holder's email address (HMAC-SHA256 of the trimmed, lower-cased
 * address under a deployment secret), so that one holder's reminders can share a key on a
 * topic without the address being on it. Without the secret it cannot be reversed nor
 * matched to an address.
 */
public final class HolderPseudonym {

	private static final String ALGORITHM = "HmacSHA256";

	private static final int MIN_SECRET_BYTES = 32;

	private final SecretKeySpec key;

	public HolderPseudonym(byte[] secret) {
		if (secret.length < MIN_SECRET_BYTES) {
			throw new IllegalArgumentException("the holder pseudonym secret must be at least " + MIN_SECRET_BYTES
					+ " bytes, not " + secret.length);
		}
		this.key = new SecretKeySpec(secret.clone(), ALGORITHM);
	}

	/** The pseudonym of {@code email}: 43 URL-safe characters. */
	public String of(String email) {
		try {
			Mac mac = Mac.getInstance(ALGORITHM);
			mac.init(this.key);
			byte[] hash = mac.doFinal(email.strip().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
			return Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is not available in this JVM", ex);
		}
	}

	/**
	 * A secret for pseudonyms derived from another secret (the link signing secret) under
	 * a label of its own, for deployments that set none.
	 */
	public static HolderPseudonym derivedFrom(byte[] secret) {
		try {
			Mac mac = Mac.getInstance(ALGORITHM);
			mac.init(new SecretKeySpec(secret, ALGORITHM));
			return new HolderPseudonym(mac.doFinal("keepline-holder-pseudonym-v1".getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is not available in this JVM", ex);
		}
	}

	@Override
	public String toString() {
		return "HolderPseudonym[secret hidden]";
	}

}
