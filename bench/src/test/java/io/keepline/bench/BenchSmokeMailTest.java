package io.keepline.bench;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the notifier, sent-log, end-to-end and micro suites with the smallest sizes (the
 * other half runs in {@link BenchSmokeTest}): the harness must work end to end. It checks
 * the harness, not the figures.
 */
class BenchSmokeMailTest {

	@Test
	void mailAndMicroSuitesProducePositiveFiguresAndJson(@TempDir Path results) throws Exception {
		BenchSmoke.runAndCheck(BenchSmoke.MAIL, results);
	}

}
