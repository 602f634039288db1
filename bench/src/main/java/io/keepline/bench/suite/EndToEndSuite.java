package io.keepline.bench.suite;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

import io.keepline.bench.BenchContext;
import io.keepline.bench.Comparison;
import io.keepline.bench.Figure;
import io.keepline.bench.Lines;
import io.keepline.bench.ProgressLine;
import io.keepline.bench.Suite;
import io.keepline.bench.Waits;
import io.keepline.bench.baseline.JavaMailSendRate;
import io.keepline.bench.service.HttpLoad;
import io.keepline.bench.sink.OutOfProcessSmtpSink;
import io.keepline.contracts.json.EventJson;
import io.keepline.contracts.line.LineEvent;
import io.keepline.contracts.line.LineRegistered;
import io.keepline.standalone.FreePorts;
import io.keepline.standalone.Pipeline;
import io.keepline.standalone.StandaloneSettings;

/**
 * End to end, as the standalone runs it (its {@link Pipeline}: embedded broker, the four
 * services with the standalone's properties): lines registered through ingest over HTTP
 * whose 7-day reminders all fall due at the same instant, counted as emails at an SMTP
 * sink in another JVM from the first to the last; beside plain JavaMail loops at the same
 * sink in the same run.
 */
public final class EndToEndSuite implements Suite {

	private static final int BATCH = 1_000;

	private static final int SENDERS = 4;

	@Override
	public String name() {
		return "e2e";
	}

	@Override
	public List<Comparison> run(BenchContext context) throws Exception {
		int count = switch (context.mode().name()) {
			case "smoke" -> 500;
			case "quick" -> 10_000;
			default -> 100_000;
		};
		Path dataDir = Files.createTempDirectory("bench-e2e");
		try (OutOfProcessSmtpSink sink = OutOfProcessSmtpSink.start()) {
			Figure baseline;
			int baselineCount = Math.min(count, 20_000);
			try (ProgressLine progress = context.progress("plain JavaMail loops at the sink (baseline)",
					baselineCount)) {
				baseline = JavaMailSendRate.measure("127.0.0.1", sink.smtpPort(), baselineCount,
						NotifierSuite.smtpConnections(), progress);
			}
			int kafka = FreePorts.find();
			StandaloneSettings settings = new StandaloneSettings(dataDir, true,
					new StandaloneSettings.Ports(kafka, FreePorts.find(), FreePorts.find(), FreePorts.find(),
							FreePorts.find(), FreePorts.find(), FreePorts.find(),
							new StandaloneSettings.Management(FreePorts.find(), FreePorts.find(), FreePorts.find(),
									FreePorts.find())),
					null, StandaloneSettings.Secrets.demo(),
					new StandaloneSettings.Smtp("127.0.0.1", sink.smtpPort(), null, null), null);
			context.out().println("  starting the standalone's pipeline");
			try (Pipeline pipeline = new Pipeline(settings).start()) {
				// a region zone (ingest takes no fixed offsets) where it is now early
				// afternoon, inside the
				// send window, and lines whose 30-day reminder is past: each is due the
				// moment it arrives
				int utcHour = LocalTime.now(ZoneOffset.UTC).getHour();
				int offset = Math.max(-12, Math.min(14, 14 - utcHour));
				ZoneId zone = ZoneId.of((offset >= 0) ? "Etc/GMT-" + offset : "Etc/GMT+" + (-offset));
				LocalDate validUntil = LocalDate.now(zone).plusDays(10);
				Lines lines = new Lines();
				URI uri = URI.create(StandaloneSettings.url(settings.ports().ingest()) + "/v1/line-events");
				List<HttpLoad.Post> posts = new ArrayList<>();
				for (int from = 0; from < count; from += BATCH) {
					StringBuilder json = new StringBuilder("[");
					for (int i = from; i < Math.min(count, from + BATCH); i++) {
						LineRegistered event = lines.registered(i, validUntil, zone, List.of(30), Instant.now());
						json.append((i > from) ? "," : "")
							.append(new String(EventJson.write(event, LineEvent.class), StandardCharsets.UTF_8));
					}
					posts.add(new HttpLoad.Post(uri, json.append(']').toString().getBytes(StandardCharsets.UTF_8),
							"Content-Type", "application/json", "Authorization", "Bearer demo-orange-key"));
				}
				HttpLoad load = new HttpLoad(SENDERS);
				// ingest refuses batches until it has read who owns which line
				Waits.until("ingest ready", Duration.ofSeconds(120),
						() -> statusOf(load, new HttpLoad.Post(uri, "[]".getBytes(StandardCharsets.UTF_8),
								"Content-Type", "application/json", "Authorization", "Bearer demo-orange-key")) < 500);
				LongSupplier received = NotifierSuite.throttledFast(sink::received);
				long before = sink.received();
				long startCpu = NotifierSuite.processCpuNanos() + sink.cpuNanos();
				AtomicLong first = new AtomicLong();
				Thread firstEmail = new Thread(() -> {
					try {
						Waits.until("the first email", Duration.ofMinutes(5), () -> received.getAsLong() > before);
						first.set(System.nanoTime());
					}
					catch (TimeoutException ex) {
						// reported by the count below
					}
				}, "first-email");
				firstEmail.start();
				HttpLoad.Outcome registered;
				try (ProgressLine progress = context.progress("lines registered through ingest", count)) {
					registered = load.run(posts, EndToEndSuite::accepted, progress);
				}
				if (registered.failures() > 0) {
					throw new IllegalStateException(
							registered.failures() + " batches not accepted, first: " + registered.firstFailure());
				}
				context.out().printf("  %,d lines registered at %,.0f/s%n", count, registered.rate());
				long done;
				try (ProgressLine progress = context.progress("emails at the sink", count)) {
					done = Waits.count("emails at the sink", count, Duration.ofSeconds(60),
							() -> received.getAsLong() - before, progress);
				}
				firstEmail.join();
				Figure subject = new Figure("emails at the sink, first to last", count / ((done - first.get()) / 1e9),
						"emails/s");
				return List
					.of(new Comparison(name(), subject, baseline, 1_000.0, false, true,
							List.of(new Figure("lines registered through ingest", registered.rate(), "lines/s"),
									new Figure("CPU per line, registered to emailed (bench JVM and sink)",
											(NotifierSuite.processCpuNanos() + sink.cpuNanos() - startCpu) / 1e3
													/ count,
											"µs"),
									new Figure("load average (1 min)", NotifierSuite.loadAverage(), ""))));
			}
		}
		finally {
			NotifierSuite.deleteTree(dataDir);
		}
	}

	private static int statusOf(HttpLoad load, HttpLoad.Post post) {
		try {
			return load.send(post).statusCode();
		}
		catch (Exception ex) {
			return 599;
		}
	}

	/** Events accepted, or -1 when the batch was not entirely accepted. */
	private static int accepted(java.net.http.HttpResponse<String> response) {
		if (response.statusCode() != 200) {
			return -1;
		}
		int accepted = EventJson.mapper().readTree(response.body()).path("accepted").asInt(-1);
		return (accepted > 0) ? accepted : -1;
	}

}
