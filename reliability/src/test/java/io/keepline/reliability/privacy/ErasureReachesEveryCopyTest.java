package io.keepline.reliability.privacy;

import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.keepline.contracts.Holder;
import io.keepline.contracts.Msisdn;
import io.keepline.contracts.line.LineRegistered;
import io.keepline.contracts.topic.Topics;
import io.keepline.reliability.ReliabilityReport;
import io.keepline.reliability.Scale;
import io.keepline.reliability.privacy.Holders.Fate;
import io.keepline.reliability.privacy.Holders.Line;
import io.keepline.standalone.Pipeline;
import io.keepline.standalone.StandaloneSettings;
import io.keepline.standalone.seed.IngestClient;
import io.keepline.testsupport.Unique;
import org.apache.kafka.common.utils.Utils;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The test of issue 16 that proves erasure: holders whose name, email, SMS number and
 * webhook URL are unique canaries go through reminders on every channel, a paid renewal,
 * a failed checkout, a payment after the erasure that is refunded, a reminder waiting on
 * the notifier's retry topic (its webhook's host cannot be reached), dead letters and
 * rejected items; the pipeline is stopped and started again on the same data (so that the
 * stores' values are in their files); half of the lines are erased (two before the
 * restart, three after); the standalone's bound passes (its segments roll a minute after
 * the erasure when ordinary traffic writes to the erased lines' partitions, the cleaner
 * compacts them within its lag); then the raw bytes of the broker's log directory (every
 * topic and partition, internal ones included, committed or not), the captured logs and
 * the services' state directories (once the services stopped) hold no canary of an erased
 * line, and every canary of the lines kept is found. The RocksDB files of the stores that
 * hold a holder or a card are compacted within the standalone's
 * {@code keepline.compaction.state-lag} of the erasure's flushed deletion, or when the
 * store closes ({@code ErasedValueCompaction}).
 */
@EnabledIf(value = "chosen", disabledReason = "full size only (-Preliability-full): the bound takes minutes")
class ErasureReachesEveryCopyTest {

	/** The standalone's bound (docs/privacy.md, "Bounds"). */
	private static final Duration BOUND = Duration.ofMinutes(5);

	/** The standalone's {@code segment.ms} on the compacted topics and changelogs. */
	private static final Duration SEGMENT = Duration.ofMinutes(1);

	@TempDir
	Path dataDir;

	static boolean chosen() {
		return Scale.current() == Scale.FULL;
	}

	@Test
	void noCanaryOfAnErasedLineIsLeftAndEveryCanaryOfAKeptLineIsFound() throws Exception {
		List<Line> lines;
		List<Line> erased = new ArrayList<>();
		Map<String, Object> counts;
		List<LogCapture.CapturedLine> captured;
		Set<String> erasedCanaries = new LinkedHashSet<>();
		Set<String> keptCanaries = new LinkedHashSet<>();
		Set<String> keptFound = new HashSet<>();
		List<RawBytes.Found> afterErasure;
		List<RawBytes.Found> afterBound;
		List<RawBytes.Found> inStateDirectories;
		boolean boundPassed = true;
		long boundSeconds;
		try (LogCapture capture = LogCapture.atInfo()) {
			FullRun run;
			try (Pipeline pipeline = new Pipeline(PipelineSettings.under(this.dataDir)).start()) {
				lines = Holders.lines(10, pipeline.consoleUrl());
				run = new FullRun(pipeline, lines);
				run.run();
			}
			// Restarted on the same data: the stores' values are in their SST files now,
			// so the erasures below must reach them there, not only in memory.
			try (Pipeline pipeline = new Pipeline(PipelineSettings.under(this.dataDir)).start()) {
				FullRun restarted = new FullRun(pipeline, lines);
				for (int i = 0; i < lines.size(); i++) {
					Line line = lines.get(i);
					if (line.fate() == Fate.ERASED) {
						erased.add(line);
					}
					else if (i >= Fate.values().length && line.fate() != Fate.PAID) {
						restarted.erase(line);
						erased.add(line);
					}
				}
				// a rejected item carrying an erased holder's data (rejected-events)
				new BadOperatorRequests(url(pipeline.settings().ports().ingest()), erased).send();
				for (Line line : lines) {
					(erased.contains(line) ? erasedCanaries : keptCanaries).addAll(canaries(line));
				}
				afterErasure = RawBytes.search(this.dataDir, erasedCanaries);
				long start = System.nanoTime();
				// Kafka never compacts the active segment: ordinary traffic (a
				// registration)
				// on each erased line's partition after the segment's time rolls it.
				await("the segments' time").pollDelay(SEGMENT.plusSeconds(5))
					.atMost(SEGMENT.plusSeconds(10))
					.until(() -> true);
				laterWrites(pipeline, erased);
				try {
					await("no canary of an erased line in the broker's bytes").atMost(BOUND)
						.pollInterval(Duration.ofSeconds(10))
						.until(() -> RawBytes.search(this.dataDir.resolve("kafka"), erasedCanaries).isEmpty());
				}
				catch (ConditionTimeoutException ex) {
					boundPassed = false;
				}
				boundSeconds = Duration.ofNanos(System.nanoTime() - start).toSeconds();
				counts = run.counts();
				counts.put("erased-after-a-restart", restarted.counts().get("erased"));
			}
			// the services stopped: what their stores held in memory is on disk now
			afterBound = RawBytes.search(this.dataDir.resolve("kafka"), erasedCanaries);
			inStateDirectories = new ArrayList<>();
			for (String service : List.of("ingest", "scheduler", "notifier", "payments")) {
				inStateDirectories.addAll(RawBytes.search(this.dataDir.resolve(service), erasedCanaries)
					.stream()
					.map((found) -> new RawBytes.Found(found.canary(), service + "/" + found.where()))
					.toList());
			}
			List<RawBytes.Found> kept = RawBytes.search(this.dataDir, keptCanaries);
			kept.forEach((found) -> keptFound.add(found.canary()));
			counts.put("kept-canaries-found", keptFound.size());
			counts.put("kept-canaries-where", RawBytes.byPlace(kept).toString());
			captured = capture.lines();
		}
		List<String> inLogs = new ArrayList<>();
		for (LogCapture.CapturedLine line : captured) {
			erasedCanaries.stream().filter(line.text()::contains).forEach((canary) -> inLogs.add(line.logger()));
		}

		ReliabilityReport report = ReliabilityReport.of("erasure-reaches-every-copy");
		counts.forEach(report::count);
		report.count("lines", lines.size())
			.count("lines-erased", erased.size())
			.count("erased-canaries", erasedCanaries.size())
			.count("kept-canaries", keptCanaries.size())
			.count("erased-canaries-found-at-erasure", afterErasure.size())
			.count("erased-canaries-where-at-erasure", RawBytes.byPlace(afterErasure).toString())
			.count("bound-passed-on-the-broker", boundPassed)
			.count("seconds-from-erasure-to-clean-broker-bytes", boundSeconds)
			.count("erased-canaries-in-broker-bytes-after-bound", afterBound.size())
			.count("erased-canaries-where-in-broker-bytes-after-bound", RawBytes.byPlace(afterBound).toString())
			.count("erased-canaries-in-state-directories-after-bound", inStateDirectories.size())
			.count("erased-canaries-where-in-state-directories", RawBytes.byPlace(inStateDirectories).toString())
			.count("erased-canaries-in-logs", inLogs.size())
			.write();

		assertThat(keptCanaries).as("canaries of the lines kept, found in the raw bytes (so the scan can fail)")
			.allMatch(keptFound::contains);
		assertThat(afterErasure).as("erased canaries right after the erasure (so the scan can fail)").isNotEmpty();
		assertThat(afterBound).as("canaries of erased lines in the broker's bytes after the bound").isEmpty();
		assertThat(inStateDirectories).as("canaries of erased lines in the services' state directories").isEmpty();
		assertThat(inLogs).as("log lines showing an erased line's canary").isEmpty();
	}

	/**
	 * One more line registered on every partition an erased line lives on, as an
	 * operator's ordinary traffic does.
	 */
	private static void laterWrites(Pipeline pipeline, List<Line> erased) {
		IngestClient ingest = new IngestClient(url(pipeline.settings().ports().ingest()));
		Set<Integer> partitions = new HashSet<>();
		for (Line line : erased) {
			if (!partitions.add(partition(line.msisdn()))) {
				continue;
			}
			Msisdn msisdn = Unique.msisdn();
			while (partition(msisdn) != partition(line.msisdn())) {
				msisdn = Unique.msisdn();
			}
			LineRegistered template = line.event();
			LineRegistered later = new LineRegistered(UUID.randomUUID(), null, msisdn, template.operator(),
					template.plan(), template.validUntil().plusDays(30), template.renewalPrice(),
					new Holder("Later Holder", null, msisdn, null, template.holder().locale(),
							template.holder().timeZone()),
					List.of(7), false);
			assertThat(ingest.post(List.of(later), line.operatorKey()).accepted()).isEqualTo(1);
		}
	}

	private static int partition(Msisdn msisdn) {
		return Utils.toPositive(Utils.murmur2(msisdn.value().getBytes(StandardCharsets.UTF_8)))
				% Topics.DEFAULT_PARTITIONS;
	}

	private static List<String> canaries(Line line) {
		Holder holder = line.event().holder();
		List<String> canaries = new ArrayList<>();
		canaries.add(holder.name());
		if (holder.email() != null) {
			canaries.add(holder.email());
		}
		if (holder.sms() != null) {
			canaries.add(holder.sms().value());
		}
		if (holder.webhookUrl() != null) {
			canaries.add(holder.webhookUrl().toString());
		}
		return canaries;
	}

	private static String url(int port) {
		return StandaloneSettings.url(port);
	}

}
