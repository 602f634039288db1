package io.keepline.bench;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs every suite with the smallest sizes against a broker of its own: the harness must
 * work end to end (each suite yields positive figures, the JSON and the chart are
 * written). It checks the harness, not the figures.
 */
class BenchSmokeTest {

	@Test
	void everySuiteProducesPositiveFiguresJsonAndChart(@TempDir Path results) throws Exception {
		ByteArrayOutputStream console = new ByteArrayOutputStream();
		BenchMain.Outcome outcome;
		try (PrintStream out = new PrintStream(console, true, StandardCharsets.UTF_8)) {
			outcome = BenchMain.run(BenchMode.SMOKE, Set.of(), results, null, out);
		}
		String printed = console.toString(StandardCharsets.UTF_8);
		assertThat(outcome.failures()).as(printed).isEmpty();
		Set<String> suites = outcome.comparisons().stream().map(Comparison::suite).collect(Collectors.toSet());
		assertThat(suites).containsExactlyInAnyOrder("ingest", "scheduler", "webhooks", "payments-lines", "notifier",
				"sentlog", "e2e", "micro");
		for (Comparison comparison : outcome.comparisons()) {
			assertThat(comparison.subject().value()).as(comparison.subject().name()).isPositive();
			if (comparison.baseline() != null) {
				assertThat(comparison.baseline().value()).as(comparison.baseline().name()).isPositive();
			}
		}
		List<String> baselines = outcome.comparisons()
			.stream()
			.filter((c) -> c.baseline() != null)
			.map(Comparison::suite)
			.distinct()
			.toList();
		assertThat(baselines).containsExactlyInAnyOrder("ingest", "scheduler", "webhooks", "payments-lines", "notifier",
				"sentlog", "e2e");
		assertThat(outcome.json()).exists();
		assertThat(Files.readString(outcome.json())).contains("\"comparisons\"", "\"machine\"");
		assertThat(results.resolve("latest.json")).exists();
		assertThat(results.resolve("scheduler-500-lines.png")).exists().isNotEmptyFile();
		assertThat(printed).contains("ratio");
	}

}
