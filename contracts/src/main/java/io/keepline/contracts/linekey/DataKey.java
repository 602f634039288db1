package io.keepline.contracts.linekey;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Base64;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkProtoKeysetFormat;
import com.google.crypto.tink.aead.AesGcmKey;
import com.google.crypto.tink.aead.AesGcmParameters;
import com.google.crypto.tink.util.SecretBytes;

/**
 * The deployment's master key (key-encryption key, AES-256-GCM): wraps every line key
 * before it is written to {@code keepline.line-keys.v1} and unwraps it for the readers.
 * Given as 32 random bytes in base64 ({@code KEEPLINE_DATA_KEY}; the URL-safe alphabet
 * and missing padding are taken too).
 */
public final class DataKey {

	/** The length of a data key: 32 bytes (AES-256). */
	public static final int BYTES = 32;

	static {
		LineCipher.register();
	}

	private final Aead aead;

	private DataKey(Aead aead) {
		this.aead = aead;
	}

	/**
	 * The data key from its base64 form.
	 * @throws IllegalArgumentException when it is not 32 bytes of base64
	 */
	public static DataKey of(String base64) {
		byte[] bytes;
		try {
			bytes = Base64.getDecoder().decode(base64.strip().replace('-', '+').replace('_', '/'));
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("the data key is not base64", ex);
		}
		if (bytes.length != BYTES) {
			throw new IllegalArgumentException("the data key is " + BYTES + " bytes in base64, not " + bytes.length);
		}
		try {
			AesGcmKey key = AesGcmKey.builder()
				.setParameters(AesGcmParameters.builder()
					.setKeySizeBytes(BYTES)
					.setIvSizeBytes(12)
					.setTagSizeBytes(16)
					.setVariant(AesGcmParameters.Variant.NO_PREFIX)
					.build())
				.setKeyBytes(SecretBytes.copyFrom(bytes, InsecureSecretKeyAccess.get()))
				.build();
			KeysetHandle keyset = KeysetHandle.newBuilder()
				.addEntry(KeysetHandle.importKey(key).withRandomId().makePrimary())
				.build();
			return new DataKey(keyset.getPrimitive(RegistryConfiguration.get(), Aead.class));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalArgumentException("the data key is not a usable AES-256 key", ex);
		}
	}

	/** {@code cipher}'s key, encrypted for the topic under {@code id}. */
	public LineKey wrap(LineKeyId id, LineCipher cipher, Instant createdAt) {
		try {
			return new LineKey(
					TinkProtoKeysetFormat.serializeEncryptedKeyset(cipher.keyset(), this.aead, associatedData(id)),
					createdAt);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("the line key could not be wrapped", ex);
		}
	}

	/**
	 * The line key that {@link #wrap} wrote under {@code id}.
	 * @throws SealBrokenException when it was wrapped by another data key or for another
	 * id
	 */
	public LineCipher unwrap(LineKeyId id, LineKey key) {
		try {
			return new LineCipher(
					TinkProtoKeysetFormat.parseEncryptedKeyset(key.wrapped(), this.aead, associatedData(id)));
		}
		catch (GeneralSecurityException ex) {
			throw new SealBrokenException("line key", ex);
		}
	}

	private static byte[] associatedData(LineKeyId id) {
		return ("keepline:line-key:" + id.value()).getBytes(StandardCharsets.UTF_8);
	}

	@Override
	public String toString() {
		return "DataKey[…]";
	}

}
