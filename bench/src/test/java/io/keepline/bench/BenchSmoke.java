package io.keepline.bench;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs some of the suites with the smallest sizes against a broker of their own and
 * checks that the harness works end to end for each: positive figures, a baseline beside
 * every suite but {@code micro}, the JSON written. The suites are split between two test
 * classes so that the two halves run side by side in the module's two test JVMs.
 */
final class BenchSmoke {

	/** The suites {@link BenchSmokeTest} runs. */
	static final Set<String> SERVICES = Set.of("ingest", "scheduler", "webhooks", "payments-lines");

	/** The suites {@link BenchSmokeMailTest} runs. */
	static final Set<String> MAIL = Set.of("notifier", "sentlog", "e2e", "micro");

	private static final Pattern TOOK = Pattern.compile("^\\s+\\S+ took \\d+ s$");

	private BenchSmoke() {
	}

	/**
	 * Runs {@code suites} in smoke mode, writing into {@code results}, and checks their
	 * figures and the JSON; prints how long each suite took.
	 */
	static void runAndCheck(Set<String> suites, Path results) throws Exception {
		ByteArrayOutputStream console = new ByteArrayOutputStream();
		BenchMain.Outcome outcome;
		try (PrintStream out = new PrintStream(console, true, StandardCharsets.UTF_8)) {
			outcome = BenchMain.run(BenchMode.SMOKE, suites, results, null, out);
		}
		String printed = console.toString(StandardCharsets.UTF_8);
		printed.lines().filter((line) -> TOOK.matcher(line).matches()).forEach(System.out::println);
		assertThat(outcome.failures()).as(printed).isEmpty();
		Set<String> ran = outcome.comparisons().stream().map(Comparison::suite).collect(Collectors.toSet());
		assertThat(ran).containsExactlyInAnyOrderElementsOf(suites);
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
		assertThat(baselines)
			.containsExactlyInAnyOrderElementsOf(suites.stream().filter((s) -> !s.equals("micro")).toList());
		assertThat(outcome.json()).exists();
		assertThat(Files.readString(outcome.json())).contains("\"comparisons\"", "\"machine\"");
		assertThat(results.resolve("latest.json")).exists();
		assertThat(printed).contains("ratio");
	}

}
