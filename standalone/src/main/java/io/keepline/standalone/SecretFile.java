package io.keepline.standalone;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The standalone's link secret when {@code KEEPLINE_LINK_SECRET} is not set: generated
 * once and kept under the data directory, so links in emails already sent keep working
 * after a restart.
 */
final class LinkSecretFile {

	static final String FILE_NAME = "link-secret";

	private LinkSecretFile() {
	}

	static String readOrCreate(Path dataDir) {
		Path file = dataDir.resolve(FILE_NAME);
		try {
			if (Files.isRegularFile(file)) {
				String secret = Files.readString(file, StandardCharsets.UTF_8).strip();
				if (secret.length() >= 32) {
					return secret;
				}
			}
			byte[] random = new byte[32];
			new SecureRandom().nextBytes(random);
			String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
			Files.createDirectories(dataDir);
			Files.writeString(file, secret + "\n", StandardCharsets.UTF_8);
			return secret;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot keep the link secret in " + file, ex);
		}
	}

}
