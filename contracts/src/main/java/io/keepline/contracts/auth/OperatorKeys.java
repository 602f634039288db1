package io.keepline.contracts.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.keepline.contracts.InvalidValueException;
import io.keepline.contracts.OperatorId;

/**
 * The API keys of the operator integrations, held only as SHA-256 hashes and checked in
 * constant time. Configured as {@code operator=key} or {@code operator=sha256:<hex>}
 * pairs, so that deployments can keep only hashes.
 */
public final class OperatorKeys {

	private static final String HASH_PREFIX = "sha256:";

	private static final int MIN_KEY_LENGTH = 12;

	private final Map<OperatorId, byte[]> hashes;

	private OperatorKeys(Map<OperatorId, byte[]> hashes) {
		if (hashes.isEmpty()) {
			throw new InvalidValueException("operatorKeys", "required", "at least one operator key is required");
		}
		this.hashes = Map.copyOf(hashes);
	}

	/** Keys from a map of operator id to key (or {@code sha256:<hex>} hash). */
	public static OperatorKeys of(Map<String, String> keys) {
		Map<OperatorId, byte[]> hashes = new LinkedHashMap<>();
		keys.forEach((operator, key) -> hashes.put(OperatorId.of(operator), hashOf(operator, key)));
		return new OperatorKeys(hashes);
	}

	/**
	 * Keys from {@code orange=key1,proximus=sha256:ab12…}, the form of
	 * {@code KEEPLINE_OPERATOR_KEYS}.
	 */
	public static OperatorKeys parse(String spec) {
		Map<String, String> keys = new LinkedHashMap<>();
		for (String pair : (spec != null) ? spec.split(",") : new String[0]) {
			if (pair.isBlank()) {
				continue;
			}
			int equals = pair.indexOf('=');
			if (equals <= 0) {
				throw new InvalidValueException("operatorKeys", "malformed", "operator keys are operator=key pairs");
			}
			keys.put(pair.substring(0, equals).trim(), pair.substring(equals + 1).trim());
		}
		return of(keys);
	}

	/**
	 * The operator whose key this is, comparing against every configured hash in constant
	 * time.
	 */
	public Optional<OperatorId> authenticate(String presentedKey) {
		if (presentedKey == null || presentedKey.isEmpty()) {
			return Optional.empty();
		}
		byte[] presented = sha256(presentedKey);
		OperatorId match = null;
		for (Map.Entry<OperatorId, byte[]> entry : this.hashes.entrySet()) {
			if (MessageDigest.isEqual(entry.getValue(), presented)) {
				match = entry.getKey();
			}
		}
		return Optional.ofNullable(match);
	}

	public Set<OperatorId> operators() {
		return this.hashes.keySet();
	}

	/**
	 * The {@code sha256:<hex>} form of a key, for configurations that keep only hashes.
	 */
	public static String hashedForm(String key) {
		return HASH_PREFIX + HexFormat.of().formatHex(sha256(key));
	}

	private static byte[] hashOf(String operator, String key) {
		if (key == null || key.isBlank()) {
			throw new InvalidValueException("operatorKeys", "required", "operator " + operator + " has no key");
		}
		if (key.startsWith(HASH_PREFIX)) {
			try {
				byte[] hash = HexFormat.of().parseHex(key.substring(HASH_PREFIX.length()));
				if (hash.length == 32) {
					return hash;
				}
			}
			catch (IllegalArgumentException ex) {
				// reported below
			}
			throw new InvalidValueException("operatorKeys", "malformed",
					"the key hash of operator " + operator + " is not 64 hex digits");
		}
		if (key.length() < MIN_KEY_LENGTH) {
			throw new InvalidValueException("operatorKeys", "too_short",
					"the key of operator " + operator + " must be at least " + MIN_KEY_LENGTH + " characters");
		}
		return sha256(key);
	}

	private static byte[] sha256(String text) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is not available in this JVM", ex);
		}
	}

}
