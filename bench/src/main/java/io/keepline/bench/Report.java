package io.keepline.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.keepline.contracts.json.EventJson;

/**
 * Prints the comparisons as a table and writes them as JSON under the results directory,
 * with the machine they ran on.
 */
public final class Report {

	private Report() {
	}

	public static void print(List<Comparison> comparisons, PrintStream out) {
		out.println();
		out.printf(Locale.ROOT, "%-10s %-44s %16s %-12s %-40s %8s %s%n", "suite", "figure", "value", "unit",
				"baseline (same run)", "ratio", "target");
		out.println("-".repeat(150));
		for (Comparison c : comparisons) {
			String baseline = (c.baseline() != null) ? String.format(Locale.ROOT, "%s %,.1f %s", c.baseline().name(),
					c.baseline().value(), c.baseline().unit()) : "-";
			String ratio = (c.ratio() != null) ? String.format(Locale.ROOT, "%.2f", c.ratio()) : "-";
			out.printf(Locale.ROOT, "%-10s %-44s %,16.1f %-12s %-40s %8s %s%n", c.suite(), c.subject().name(),
					c.subject().value(), c.subject().unit(), baseline, ratio, target(c));
			for (Figure detail : c.details()) {
				out.printf(Locale.ROOT, "%-10s   %-42s %,16.1f %s%n", "", detail.name(), detail.value(), detail.unit());
			}
		}
		out.println();
	}

	private static String target(Comparison c) {
		if (c.target() == null) {
			return "";
		}
		String op = c.higherIsBetter() ? ">=" : "<=";
		String what = c.targetIsRatio() ? "ratio " + op + " " + c.target() : op + " " + c.target();
		return what + (Boolean.TRUE.equals(c.targetMet()) ? "  met" : "  NOT met");
	}

	/**
	 * Writes {@code results-<instant>.json} and {@code latest.json}; returns the
	 * timestamped file.
	 */
	public static Path write(List<Comparison> comparisons, Map<String, String> failures, BenchMode mode, Path dir)
			throws IOException {
		Files.createDirectories(dir);
		Map<String, Object> document = new LinkedHashMap<>();
		Instant now = Instant.now();
		document.put("ranAt", now.toString());
		document.put("mode", mode.name());
		document.put("machine", machine());
		document.put("comparisons", comparisons.stream().map(Report::asMap).toList());
		document.put("failures", failures);
		String json = EventJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(document);
		Path file = dir.resolve("results-" + now.toString().replace(':', '-') + ".json");
		Files.writeString(file, json);
		Files.writeString(dir.resolve("latest.json"), json);
		return file;
	}

	private static Map<String, Object> asMap(Comparison c) {
		Map<String, Object> map = new LinkedHashMap<>();
		map.put("suite", c.suite());
		map.put("subject", c.subject());
		map.put("baseline", c.baseline());
		map.put("ratio", c.ratio());
		map.put("target", c.target());
		map.put("targetIsRatio", c.targetIsRatio());
		map.put("targetMet", c.targetMet());
		map.put("details", c.details());
		return map;
	}

	private static Map<String, Object> machine() {
		Runtime runtime = Runtime.getRuntime();
		Map<String, Object> machine = new LinkedHashMap<>();
		machine.put("cores", runtime.availableProcessors());
		machine.put("maxHeapMiB", runtime.maxMemory() / (1024 * 1024));
		machine.put("java", System.getProperty("java.version"));
		machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
		return machine;
	}

}
