package io.keepline.reliability.privacy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.keepline.contracts.Holder;
import io.keepline.reliability.ReliabilityReport;
import io.keepline.reliability.Scale;
import io.keepline.reliability.privacy.Holders.Line;
import io.keepline.standalone.Pipeline;
import io.keepline.standalone.seed.LineSeed;
import io.keepline.standalone.seed.SeedCatalogue;
import io.keepline.standalone.seed.SeedSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Scenario C of issue #7: the whole standalone run as its users run it, seeds and all,
 * with every log event at INFO and above captured (levels as a user's run has them); then
 * no captured line may show a phone number, email address or name of a holder in clear,
 * in any usual form, neither of the holders the run registers nor of the seeds.
 */
class PersonalDataInLogsTest {

	private static final String CANARY = "io.keepline.reliability.canary";

	@TempDir
	Path dataDir;

	@Test
	void logsAtInfoShowNoHoldersNumberEmailOrNameDuringAFullRun() throws Exception {
		List<Line> lines;
		Map<String, Object> counts;
		List<LogCapture.CapturedLine> captured;
		try (LogCapture capture = LogCapture.atInfo()) {
			canaries();
			try (Pipeline pipeline = new Pipeline(PipelineSettings.under(this.dataDir)).start()) {
				lines = Holders.lines(Scale.current().pick(4, 24), pipeline.consoleUrl());
				FullRun run = new FullRun(pipeline, lines);
				run.run();
				counts = run.counts();
			}
			captured = capture.lines();
		}
		PersonalData data = personalData(lines);
		List<String> leaks = new ArrayList<>();
		int canaryMatches = 0;
		for (LogCapture.CapturedLine line : captured) {
			for (PersonalData.Match match : data.find(line.text())) {
				if (line.logger().equals(CANARY)) {
					canaryMatches++;
				}
				else {
					leaks.add(line.level() + " " + line.logger() + " shows a " + match.kind() + ": " + match.masked());
				}
			}
		}

		assertThat(captured).as("log lines captured").hasSizeGreaterThan(100);
		assertThat(canaryMatches).as("the canaries' number, address and name, by SLF4J and java.util.logging")
			.isEqualTo(6);
		assertThat(leaks).as("log lines showing personal data").isEmpty();

		ReliabilityReport report = ReliabilityReport.of("personal-data-in-logs");
		counts.forEach(report::count);
		report.count("log-lines-captured", captured.size())
			.count("personal-data-searched", data.size())
			.count("canary-matches", canaryMatches)
			.count("matches", leaks.size())
			.write();
	}

	/**
	 * Logs a seed holder's number, address and name through SLF4J and through
	 * java.util.logging (as Tomcat logs), to prove that the capture and the search see
	 * them.
	 */
	private static void canaries() {
		LineSeed seed = SeedCatalogue.read(SeedSource.bundled())
			.lines()
			.stream()
			.filter((line) -> line.email() != null)
			.findFirst()
			.orElseThrow();
		String canary = "canary: " + seed.msisdn() + " " + seed.email() + " " + seed.name();
		LoggerFactory.getLogger(CANARY).info(canary);
		java.util.logging.Logger.getLogger(CANARY).info(canary);
	}

	/** Every holder's number, addresses and name: the run's and the seeds'. */
	private static PersonalData personalData(List<Line> lines) {
		PersonalData data = new PersonalData();
		for (Line line : lines) {
			Holder holder = line.event().holder();
			data.number(line.msisdn().value());
			data.number((holder.sms() != null) ? holder.sms().value() : null);
			data.email(holder.email());
			data.name(holder.name());
		}
		for (LineSeed seed : SeedCatalogue.read(SeedSource.bundled()).lines()) {
			data.number(seed.msisdn());
			data.number(seed.sms());
			data.email(seed.email());
			data.name(seed.name());
		}
		return data;
	}

}
