package io.keepline.bench;

import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the ingest, scheduler, webhooks and payments-lines suites with the smallest sizes
 * (the other half runs in {@link BenchSmokeMailTest}): the harness must work end to end.
 * It checks the harness, not the figures.
 */
class BenchSmokeTest {

	@Test
	void theTwoHalvesOfTheSmokeRunEverySuiteOnce() {
		assertThat(BenchSmoke.SERVICES).doesNotContainAnyElementsOf(BenchSmoke.MAIL);
		assertThat(Suites.all()).extracting(Suite::name)
			.containsExactlyInAnyOrderElementsOf(
					Stream.concat(BenchSmoke.SERVICES.stream(), BenchSmoke.MAIL.stream()).toList());
	}

	@Test
	void serviceSuitesProducePositiveFiguresJsonAndChart(@TempDir Path results) throws Exception {
		BenchSmoke.runAndCheck(BenchSmoke.SERVICES, results);
		assertThat(results.resolve("scheduler-500-lines.png")).exists().isNotEmptyFile();
	}

}
