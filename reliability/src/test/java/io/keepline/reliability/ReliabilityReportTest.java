package io.keepline.reliability;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class ReliabilityReportTest {

	@TempDir
	Path dir;

	@Test
	void writesTheCountsOfAScenarioAsJson() throws Exception {
		String previous = System.getProperty("keepline.reliability.report-dir");
		System.setProperty("keepline.reliability.report-dir", this.dir.toString());
		try {
			ReliabilityReport.of("sample-scenario").count("expected", 10).count("seen", 10).write();
		}
		finally {
			if (previous == null) {
				System.clearProperty("keepline.reliability.report-dir");
			}
			else {
				System.setProperty("keepline.reliability.report-dir", previous);
			}
		}
		String json = Files.readString(this.dir.resolve("sample-scenario.json"));
		assertThat(json).contains("\"scenario\" : \"sample-scenario\"").contains("\"expected\" : 10");
	}

}
