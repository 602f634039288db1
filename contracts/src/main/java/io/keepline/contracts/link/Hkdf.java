package io.keepline.contracts.link;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HKDF-SHA256 (RFC 5869): keys for one use each (encrypting links, key ids, one-time
 * codes), derived from one link secret so that none of them is the secret itself.
 */
final class Hkdf {

	private static final String HMAC = "HmacSHA256";

	private static final byte[] SALT = "keepline-links-v2".getBytes(StandardCharsets.US_ASCII);

	private Hkdf() {
	}

	/** {@code length} bytes (at most 32) for the use {@code info} of {@code secret}. */
	static byte[] derive(byte[] secret, String info, int length) {
		try {
			Mac extract = Mac.getInstance(HMAC);
			extract.init(new SecretKeySpec(SALT, HMAC));
			byte[] prk = extract.doFinal(secret);
			Mac expand = Mac.getInstance(HMAC);
			expand.init(new SecretKeySpec(prk, HMAC));
			expand.update(info.getBytes(StandardCharsets.UTF_8));
			expand.update((byte) 1);
			byte[] block = expand.doFinal();
			byte[] out = new byte[length];
			System.arraycopy(block, 0, out, 0, length);
			return out;
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is not available in this JVM", ex);
		}
	}

}
