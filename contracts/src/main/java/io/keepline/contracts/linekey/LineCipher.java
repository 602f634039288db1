package io.keepline.contracts.linekey;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import io.keepline.contracts.Msisdn;

/**
 * One line key in use: AES-256-GCM (Tink AEAD) whose associated data names the line and
 * the field, so that a ciphertext opens only for the line and field it was sealed for.
 */
public final class LineCipher {

	static {
		register();
	}

	private final KeysetHandle keyset;

	private final Aead aead;

	LineCipher(KeysetHandle keyset) throws GeneralSecurityException {
		this.keyset = keyset;
		this.aead = keyset.getPrimitive(RegistryConfiguration.get(), Aead.class);
	}

	/** A new random key. */
	public static LineCipher generate() {
		try {
			return new LineCipher(KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Tink could not generate an AES-256-GCM key", ex);
		}
	}

	/** Encrypts {@code plaintext} for {@code field} of {@code msisdn}'s line. */
	public byte[] seal(byte[] plaintext, Msisdn msisdn, String field) {
		try {
			return this.aead.encrypt(plaintext, associatedData(msisdn, field));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("AES-GCM encryption failed", ex);
		}
	}

	/**
	 * Decrypts what {@link #seal} made for the same line and field.
	 * @throws SealBrokenException when the ciphertext was altered, or sealed for another
	 * line, field or key
	 */
	public byte[] open(byte[] ciphertext, Msisdn msisdn, String field) {
		try {
			return this.aead.decrypt(ciphertext, associatedData(msisdn, field));
		}
		catch (GeneralSecurityException ex) {
			throw new SealBrokenException(field, ex);
		}
	}

	static void register() {
		try {
			AeadConfig.register();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Tink's AEAD primitives are unavailable", ex);
		}
	}

	KeysetHandle keyset() {
		return this.keyset;
	}

	private static byte[] associatedData(Msisdn msisdn, String field) {
		return ("keepline:" + field + ":" + msisdn.value()).getBytes(StandardCharsets.UTF_8);
	}

}
