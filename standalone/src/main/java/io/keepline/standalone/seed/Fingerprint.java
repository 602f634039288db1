package io.keepline.standalone.seed;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.HexFormat;

/** A SHA-256 over the seed files, naming one version of the seeds. */
final class Fingerprint {

	private Fingerprint() {
	}

	static String of(Collection<String> texts) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			texts.forEach((text) -> digest.update(text.getBytes(StandardCharsets.UTF_8)));
			return HexFormat.of().formatHex(digest.digest()).substring(0, 16);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
