package io.keepline.standalone.seed;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;

/**
 * The record under the data directory of which seeds were loaded, and when: a restart
 * finds it and does not import the same seeds twice.
 */
final class SeedMarker {

	static final String FILE_NAME = "seeds-loaded.properties";

	private final Path file;

	SeedMarker(Path dataDir) {
		this.file = dataDir.resolve(FILE_NAME);
	}

	/** The report of an earlier load of the seeds named {@code fingerprint}, if any. */
	Optional<SeedReport> find(String fingerprint) {
		if (!Files.isRegularFile(this.file)) {
			return Optional.empty();
		}
		Properties properties = new Properties();
		try (Reader reader = Files.newBufferedReader(this.file, StandardCharsets.UTF_8)) {
			properties.load(reader);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read " + this.file, ex);
		}
		if (!fingerprint.equals(properties.getProperty("fingerprint"))) {
			return Optional.empty();
		}
		return Optional.of(new SeedReport(Integer.parseInt(properties.getProperty("lines", "0")),
				Integer.parseInt(properties.getProperty("accepted", "0")),
				Integer.parseInt(properties.getProperty("rejected", "0")), true, fingerprint,
				properties.getProperty("loadedOn")));
	}

	void record(SeedReport report) {
		Properties properties = new Properties();
		properties.setProperty("fingerprint", report.fingerprint());
		properties.setProperty("loadedOn", report.loadedOn());
		properties.setProperty("lines", Integer.toString(report.lines()));
		properties.setProperty("accepted", Integer.toString(report.accepted()));
		properties.setProperty("rejected", Integer.toString(report.rejected()));
		try (Writer writer = Files.newBufferedWriter(this.file, StandardCharsets.UTF_8)) {
			properties.store(writer, "Keepline seeds loaded into this data directory; delete to load them again");
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot write " + this.file, ex);
		}
	}

}
