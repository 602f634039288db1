package io.keepline.contracts.link;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.InvalidAlgorithmParameterException;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The keys one link secret gives, each derived with HKDF for one use: AES-256-GCM for a
 * token's claims, HMAC-SHA256 for the token's synthetic nonce (the same claims give the
 * same token, other claims never the same nonce) and for one-time codes. Each thread
 * keeps its own {@link Mac}s and {@link Cipher}s: a Mac is reset by every
 * {@code doFinal}, and a Cipher is initialised again with the token's own nonce for every
 * token.
 */
final class LinkCipher {

	static final int NONCE_BYTES = 12;

	private static final int TAG_BITS = 128;

	private static final String HMAC = "HmacSHA256";

	private final String id;

	private final SecretKeySpec aes;

	private final SecretKeySpec nonce;

	private final SecretKeySpec codes;

	private final byte[] associated;

	private final ThreadLocal<Mac> nonceMac;

	private final ThreadLocal<Mac> codesMac;

	private final ThreadLocal<Cipher> sealing = ThreadLocal.withInitial(LinkCipher::aesGcm);

	private final ThreadLocal<Cipher> opening = ThreadLocal.withInitial(LinkCipher::aesGcm);

	LinkCipher(LinkKey key) {
		this.id = key.id();
		this.aes = new SecretKeySpec(Hkdf.derive(key.secret(), "keepline link v2 aes-gcm", 32), "AES");
		this.nonce = new SecretKeySpec(Hkdf.derive(key.secret(), "keepline link v2 nonce", 32), HMAC);
		this.codes = new SecretKeySpec(Hkdf.derive(key.secret(), "keepline one-time code v1", 32), HMAC);
		this.associated = ("keepline-link-v2|" + key.id()).getBytes(StandardCharsets.US_ASCII);
		this.nonceMac = ThreadLocal.withInitial(() -> hmac(this.nonce));
		this.codesMac = ThreadLocal.withInitial(() -> hmac(this.codes));
	}

	String id() {
		return this.id;
	}

	byte[] seal(byte[] claims) {
		try {
			byte[] nonceBytes = new byte[NONCE_BYTES];
			System.arraycopy(this.nonceMac.get().doFinal(claims), 0, nonceBytes, 0, NONCE_BYTES);
			Cipher cipher = sealingCipher(nonceBytes);
			cipher.updateAAD(this.associated);
			byte[] sealed = cipher.doFinal(claims);
			byte[] token = new byte[NONCE_BYTES + sealed.length];
			System.arraycopy(nonceBytes, 0, token, 0, NONCE_BYTES);
			System.arraycopy(sealed, 0, token, NONCE_BYTES, sealed.length);
			return token;
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("AES-GCM is not available in this JVM", ex);
		}
	}

	/** The claims, or null when the token was not sealed with this key as it is. */
	byte[] open(byte[] token) {
		if (token.length < NONCE_BYTES + TAG_BITS / Byte.SIZE) {
			// shorter than its tag: JDK 17's AES-GCM throws a ProviderException on it
			return null;
		}
		try {
			Cipher cipher = this.opening.get();
			cipher.init(Cipher.DECRYPT_MODE, this.aes, new GCMParameterSpec(TAG_BITS, token, 0, NONCE_BYTES));
			cipher.updateAAD(this.associated);
			return cipher.doFinal(token, NONCE_BYTES, token.length - NONCE_BYTES);
		}
		catch (AEADBadTagException ex) {
			return null;
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("AES-GCM is not available in this JVM", ex);
		}
	}

	/** Six digits from the HMAC of {@code request}, truncated as HOTP (RFC 4226) does. */
	String oneTimeCode(byte[] request) {
		byte[] hash = this.codesMac.get().doFinal(request);
		int offset = hash[hash.length - 1] & 0x0f;
		int binary = ((hash[offset] & 0x7f) << 24) | ((hash[offset + 1] & 0xff) << 16)
				| ((hash[offset + 2] & 0xff) << 8) | (hash[offset + 3] & 0xff);
		return String.format("%06d", binary % 1_000_000);
	}

	/**
	 * This thread's sealing cipher, initialised for {@code nonce}. The JDK refuses to
	 * encrypt twice in a row with one key and nonce even where, as here, the nonce comes
	 * from the claims and the same claims give the same token: that thread then gets a
	 * new cipher.
	 */
	private Cipher sealingCipher(byte[] nonce) throws GeneralSecurityException {
		GCMParameterSpec spec = new GCMParameterSpec(TAG_BITS, nonce);
		Cipher cipher = this.sealing.get();
		try {
			cipher.init(Cipher.ENCRYPT_MODE, this.aes, spec);
		}
		catch (InvalidAlgorithmParameterException ex) {
			cipher = aesGcm();
			cipher.init(Cipher.ENCRYPT_MODE, this.aes, spec);
			this.sealing.set(cipher);
		}
		return cipher;
	}

	private static Cipher aesGcm() {
		try {
			return Cipher.getInstance("AES/GCM/NoPadding");
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("AES-GCM is not available in this JVM", ex);
		}
	}

	private static Mac hmac(SecretKeySpec key) {
		try {
			Mac mac = Mac.getInstance(HMAC);
			mac.init(key);
			return mac;
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is not available in this JVM", ex);
		}
	}

}
