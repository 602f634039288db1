package io.keepline.standalone.seed;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.keepline.contracts.line.LineRegistered;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Registers the demo lines the way an operator integration does: {@code LineRegistered}
 * batches in the wire format, posted to ingest's HTTP API with each operator's key. Loads
 * each version of the seeds once per data directory.
 */
public final class SeedLoader {

	private static final Logger log = LoggerFactory.getLogger(SeedLoader.class);

	/** Where "today" is for the relative dates of the seeds. */
	static final ZoneId SEED_ZONE = ZoneId.of("Europe/Brussels");

	private final SeedSource source;

	private final SeedMarker marker;

	private final IngestClient ingest;

	private final Map<String, String> operatorKeys;

	private final String consoleUrl;

	private final Clock clock;

	public SeedLoader(SeedSource source, Path dataDir, String ingestUrl, String operatorKeys, String consoleUrl) {
		this(source, dataDir, new IngestClient(ingestUrl), OperatorKeyring.parse(operatorKeys), consoleUrl,
				Clock.systemUTC());
	}

	SeedLoader(SeedSource source, Path dataDir, IngestClient ingest, Map<String, String> operatorKeys,
			String consoleUrl, Clock clock) {
		this.source = source;
		this.marker = new SeedMarker(dataDir);
		this.ingest = ingest;
		this.operatorKeys = operatorKeys;
		this.consoleUrl = consoleUrl;
		this.clock = clock;
	}

	public SeedReport load() {
		SeedCatalogue seeds = SeedCatalogue.read(this.source);
		Optional<SeedReport> earlier = this.marker.find(seeds.fingerprint());
		if (earlier.isPresent()) {
			log.info("Seeds: {}", earlier.get().summary());
			return earlier.get();
		}
		LocalDate today = LocalDate.now(this.clock.withZone(SEED_ZONE));
		Map<String, List<LineRegistered>> byOperator = new LinkedHashMap<>();
		for (LineSeed line : seeds.lines()) {
			byOperator.computeIfAbsent(line.operator(), (operator) -> new ArrayList<>())
				.add(line.toEvent(seeds.plans().get(line.plan()), today, this.consoleUrl, seeds.fingerprint()));
		}
		log.info("Seeds: registering {} demo lines from {} through ingest", seeds.lines().size(), this.source);
		int accepted = 0;
		int rejected = 0;
		for (Map.Entry<String, List<LineRegistered>> batch : byOperator.entrySet()) {
			String key = this.operatorKeys.getOrDefault(batch.getKey(), seeds.operators().get(batch.getKey()).key());
			IngestClient.Outcome outcome = this.ingest.post(batch.getValue(), key);
			accepted += outcome.accepted();
			rejected += outcome.rejected();
			outcome.errors().forEach((error) -> log.warn("Seeds: {} line rejected: {}", batch.getKey(), error));
			log.info("Seeds: {} accepted {} of {} lines", batch.getKey(), outcome.accepted(), batch.getValue().size());
		}
		SeedReport report = new SeedReport(seeds.lines().size(), accepted, rejected, false, seeds.fingerprint(),
				today.toString());
		this.marker.record(report);
		log.info("Seeds: {}", report.summary());
		return report;
	}

}
