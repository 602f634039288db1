package io.keepline.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

/**
 * The counts of one scenario's run: printed as one line and written to
 * {@code target/reliability/<scenario>.json}, from which docs/RELIABILITY.md takes its
 * figures. Record only after the assertions passed, so a report always describes a
 * passing run.
 */
public final class ReliabilityReport {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final String scenario;

	private final Map<String, Object> counts = new LinkedHashMap<>();

	private ReliabilityReport(String scenario) {
		this.scenario = scenario;
	}

	/**
	 * Starts the report of a scenario.
	 * @param scenario a short kebab-case name, also the file name
	 * @return an empty report
	 */
	public static ReliabilityReport of(String scenario) {
		return new ReliabilityReport(scenario);
	}

	/**
	 * Adds one count or setting, in the order they should be read.
	 * @param name what was counted, e.g. {@code reminders-expected}
	 * @param value the number (or a short text such as an outage length)
	 * @return this report
	 */
	public ReliabilityReport count(String name, Object value) {
		this.counts.put(name, value);
		return this;
	}

	/**
	 * Where reports go ({@code target/reliability}), for scenarios that keep more there,
	 * such as the log of a process they killed.
	 */
	public static Path directory() {
		Path dir = Path.of(System.getProperty("keepline.reliability.report-dir", "target/reliability"));
		try {
			return Files.createDirectories(dir);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Prints the line and writes the JSON file. */
	public void write() {
		Map<String, Object> document = new LinkedHashMap<>();
		document.put("scenario", this.scenario);
		document.put("scale", Scale.current().name().toLowerCase());
		document.put("finishedAt", Instant.now().toString());
		document.put("counts", this.counts);
		System.out
			.println("RELIABILITY " + this.scenario + " [" + Scale.current().name().toLowerCase() + "] " + this.counts);
		try {
			Files.writeString(directory().resolve(this.scenario + ".json"),
					JSON.writerWithDefaultPrettyPrinter().writeValueAsString(document), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
