package io.keepline.standalone;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * A secret of the standalone that its environment variable does not set (the link secret,
 * the console token, the admin token), or that it always keeps itself (the data key,
 * which belongs with the key topic under the same data directory): generated once and
 * kept under the data directory, readable by its owner only, so links already sent and
 * console links already opened keep working after a restart.
 */
final class SecretFile {

	static final String LINK_SECRET = "link-secret";

	static final String CONSOLE_TOKEN = "console-token";

	/** Where the CLI looks for the admin token by default too. */
	static final String ADMIN_TOKEN = "admin-token";

	/** 32 random bytes, as the data key wrapping the line keys takes them. */
	static final String DATA_KEY = "data-key";

	private SecretFile() {
	}

	static String readOrCreate(Path dataDir, String name) {
		Path file = dataDir.resolve(name);
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
			ownerOnly(file);
			return secret;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot keep the " + name + " in " + file, ex);
		}
	}

	private static void ownerOnly(Path file) throws IOException {
		if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
			Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
		}
	}

}
