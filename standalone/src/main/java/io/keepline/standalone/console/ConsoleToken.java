package io.keepline.standalone.console;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The console's token, compared in constant time: both sides are hashed first, so the
 * time taken depends neither on where a guess differs nor on its length.
 */
class ConsoleToken {

	private final byte[] digest;

	ConsoleToken(String token) {
		this.digest = sha256(token);
	}

	boolean matches(String candidate) {
		return candidate != null && MessageDigest.isEqual(this.digest, sha256(candidate));
	}

	private static byte[] sha256(String value) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is not available in this JVM", ex);
		}
	}

}
