package io.keepline.standalone;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The standalone's data directory: created if missing, emptied first on {@code --wipe}.
 */
final class DataDirectory {

	private static final Logger log = LoggerFactory.getLogger(DataDirectory.class);

	private DataDirectory() {
	}

	static void prepare(Path dataDir, boolean wipe) {
		try {
			if (wipe && Files.exists(dataDir)) {
				try (Stream<Path> files = Files.walk(dataDir)) {
					for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
						Files.delete(file);
					}
				}
				log.info("Wiped {}", dataDir);
			}
			Files.createDirectories(dataDir);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot prepare the data directory " + dataDir, ex);
		}
	}

}
