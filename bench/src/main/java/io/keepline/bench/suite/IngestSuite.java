package io.keepline.bench.suite;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.keepline.bench.BenchContext;
import io.keepline.bench.Comparison;
import io.keepline.bench.Figure;
import io.keepline.bench.Lines;
import io.keepline.bench.ProgressLine;
import io.keepline.bench.Suite;
import io.keepline.bench.Waits;
import io.keepline.bench.baseline.BaselineClients;
import io.keepline.bench.baseline.RawProducerRate;
import io.keepline.bench.service.HttpLoad;
import io.keepline.bench.service.InProcessService;
import io.keepline.contracts.json.EventJson;
import io.keepline.contracts.line.LineEvent;
import io.keepline.contracts.line.LineRegistered;
import io.keepline.ingest.IngestApplication;
import io.keepline.ingest.ownership.OwnershipView;
import tools.jackson.databind.JsonNode;

import org.springframework.util.FileSystemUtils;

/**
 * Events/s that ingest accepts over HTTP in batches of 1,000 (each acknowledged by Kafka
 * before it is reported accepted, each item's line owner looked up), beside a bare
 * producer sending the same records.
 */
public final class IngestSuite implements Suite {

	static final int BATCH = 1_000;

	private static final int SENDERS = 4;

	private static final String KEY = "bench-ingest-key-0123456789abcdef";

	/** The data key that wraps the line keys ingest seals contacts with. */
	private static final String DATA_KEY = "YmVuY2gtaW5nZXN0LWRhdGEta2V5LTAxMjM0NTY3ODk=";

	@Override
	public String name() {
		return "ingest";
	}

	@Override
	public List<Comparison> run(BenchContext context) throws Exception {
		int count = Math.max(BATCH, context.mode().ingestEvents() / BATCH * BATCH);
		Lines lines = new Lines();
		LocalDate validUntil = LocalDate.now().plusDays(90);
		List<byte[][]> records = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			LineRegistered event = lines.registered(i, validUntil, ZoneId.of("Europe/Brussels"), List.of(30, 7, 1),
					Instant.now());
			records.add(new byte[][] { event.msisdn().value().getBytes(), EventJson.write(event, LineEvent.class) });
		}
		Figure raw;
		try (ProgressLine progress = context.progress("raw producer (baseline)", count)) {
			raw = RawProducerRate.measure(context.bootstrapServers(),
					BaselineClients.scratchTopic(context.bootstrapServers(), "raw-producer"), records, progress);
		}
		Path stateDir = Files.createTempDirectory("keepline-bench-ingest");
		try (InProcessService ingest = InProcessService.start(IngestApplication.class, context.bootstrapServers(),
				Map.of("keepline.operators.keys", Lines.OPERATOR.value() + "=" + KEY, "spring.kafka.streams.state-dir",
						stateDir.toString(), "keepline.line-keys.data-key", DATA_KEY))) {
			// ingest refuses batches until it has read who owns which line
			Waits.until("ingest's line owners", Duration.ofSeconds(90), () -> ingest.bean(OwnershipView.class).ready());
			URI uri = URI.create(ingest.baseUrl() + "/v1/line-events");
			List<HttpLoad.Post> posts = new ArrayList<>(count / BATCH);
			for (int from = 0; from < count; from += BATCH) {
				posts.add(new HttpLoad.Post(uri, batch(records.subList(from, from + BATCH)), "Content-Type",
						"application/json", "Authorization", "Bearer " + KEY));
			}
			HttpLoad load = new HttpLoad(SENDERS);
			warmUp(load, posts, context);
			HttpLoad.Outcome outcome;
			try (ProgressLine progress = context.progress("ingest over HTTP", count)) {
				outcome = load.run(posts, IngestSuite::accepted, progress);
			}
			if (outcome.failures() > 0) {
				throw new IllegalStateException(
						outcome.failures() + " batches not fully accepted, first: " + outcome.firstFailure());
			}
			Figure subject = new Figure("events accepted over HTTP (batches of 1,000)", outcome.rate(), "events/s");
			return List.of(new Comparison(name(), subject, raw, 0.6, true, true,
					List.of(outcome.latency().figure("batch latency p50", 50),
							outcome.latency().figure("batch latency p99", 99),
							new Figure("record size", records.get(0)[1].length, "bytes"),
							new Figure("concurrent senders", SENDERS, "connections"))));
		}
		finally {
			FileSystemUtils.deleteRecursively(stateDir);
		}
	}

	/**
	 * Sends a fifth of the batches (at most 20) before the timed run, so that the JIT,
	 * the connections and the producer are warm; the timed run sends them again (same
	 * lines, same owner).
	 */
	private static void warmUp(HttpLoad load, List<HttpLoad.Post> posts, BenchContext context) throws Exception {
		List<HttpLoad.Post> warmUp = posts.subList(0, Math.max(1, Math.min(20, posts.size() / 5)));
		HttpLoad.Outcome outcome;
		try (ProgressLine progress = context.progress("ingest warm-up", warmUp.size() * BATCH)) {
			outcome = load.run(warmUp, IngestSuite::accepted, progress);
		}
		if (outcome.failures() > 0) {
			throw new IllegalStateException("Ingest refused a warm-up batch: " + outcome.firstFailure());
		}
	}

	private static byte[] batch(List<byte[][]> records) {
		StringBuilder json = new StringBuilder(records.size() * (records.get(0)[1].length + 1) + 2).append('[');
		for (byte[][] record : records) {
			if (json.length() > 1) {
				json.append(',');
			}
			json.append(new String(record[1], java.nio.charset.StandardCharsets.UTF_8));
		}
		return json.append(']').toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
	}

	/** Events accepted, or -1 when the batch was not entirely accepted. */
	private static int accepted(java.net.http.HttpResponse<String> response) {
		if (response.statusCode() != 200) {
			return -1;
		}
		JsonNode body = EventJson.mapper().readTree(response.body());
		int accepted = body.path("accepted").asInt(-1);
		return (accepted == BATCH) ? accepted : -1;
	}

}
