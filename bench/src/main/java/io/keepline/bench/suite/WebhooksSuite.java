package io.keepline.bench.suite;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.stripe.Stripe;
import io.keepline.bench.BenchContext;
import io.keepline.bench.Comparison;
import io.keepline.bench.Figure;
import io.keepline.bench.Lines;
import io.keepline.bench.ProgressLine;
import io.keepline.bench.Suite;
import io.keepline.bench.Waits;
import io.keepline.bench.baseline.BaselineClients;
import io.keepline.bench.baseline.SignatureVerificationRate;
import io.keepline.bench.process.ChildJvm;
import io.keepline.bench.service.HttpLoad;
import io.keepline.bench.service.InProcessService;
import io.keepline.contracts.json.EventJson;
import io.keepline.payments.PaymentsApplication;
import tools.jackson.databind.node.ObjectNode;

/**
 * Verified Stripe webhooks per second into Kafka through payments'
 * {@code POST /v1/stripe/webhook} (each answered 200 only after Kafka acknowledged the
 * payment event), and their latency, beside stripe-java's signature check alone. The
 * senders run in a JVM of their own ({@link WebhookLoadMain}).
 */
public final class WebhooksSuite implements Suite {

	private static final String SECRET = "whsec_bench_0123456789abcdef0123456789";

	/**
	 * Concurrent deliveries: a few, up to as many as Stripe may have in flight to one
	 * endpoint when it delivers a backlog (it sends in parallel).
	 */
	private static final List<Integer> SENDERS = List.of(8, 16, 32, 64);

	/** The load generator's warm-up (its JIT and connections) before the first level. */
	private static final int WARM_UP = 2_000;

	private static final String PAYMENTS_PROPERTY = "bench.payments.";

	private static final Pattern DONE = Pattern.compile(
			"done units=(\\d+) failures=(\\d+) seconds=([0-9.]+) p50=([0-9.NaN]+) p99=([0-9.NaN]+) max=([0-9.NaN]+) first=(.*)");

	@Override
	public String name() {
		return "webhooks";
	}

	@Override
	public List<Comparison> run(BenchContext context) throws Exception {
		BaselineClients.createCatalogueTopics(context.bootstrapServers());
		int count = context.mode().webhooks();
		Lines lines = new Lines();
		LocalDate validUntil = LocalDate.now().plusDays(20);
		String sample = succeeded(lines, 4_999_999, validUntil);
		Figure baseline;
		try (ProgressLine progress = context.progress("bare signature verification (baseline)",
				context.mode().verifications())) {
			baseline = SignatureVerificationRate.measure(sample, SECRET, context.mode().verifications(), progress);
		}
		Path stateDir = Files.createTempDirectory("keepline-bench-payments");
		String id = "bench-payments-" + UUID.randomUUID();
		Map<String, Object> properties = new HashMap<>();
		properties.put("keepline.payments.mode", "sandbox");
		properties.put("keepline.payments.stripe.webhook-secret", SECRET);
		properties.put("spring.kafka.streams.state-dir", stateDir.toString());
		properties.put("spring.kafka.streams.application-id", id + "-view");
		properties.put("keepline.payments.group-id", id);
		properties.put("keepline.links.secret", "bench-link-secret-0123456789abcdef0123456789");
		properties.put("keepline.line-keys.data-key", "YmVuY2gtcGF5bWVudHMtZGF0YS1rZXktMDEyMzQ1Njc=");
		// levers to explore without a rebuild: -Dbench.payments.<property>=<value>
		System.getProperties()
			.stringPropertyNames()
			.stream()
			.filter((key) -> key.startsWith(PAYMENTS_PROPERTY))
			.forEach((key) -> properties.put(key.substring(PAYMENTS_PROPERTY.length()), System.getProperty(key)));
		try (InProcessService payments = InProcessService.start(PaymentsApplication.class, context.bootstrapServers(),
				properties)) {
			URI uri = URI.create(payments.baseUrl() + "/v1/stripe/webhook");
			awaitPublishing(new HttpLoad(1), uri, lines, validUntil);
			// the load generator in a JVM of its own, so that it does not take the
			// payments service's heap, JIT and threads
			try (ChildJvm load = ChildJvm.start("webhook-load", List.of("-Xmx1g"), WebhookLoadMain.class,
					List.of(uri.toString(), SECRET, validUntil.toString()))) {
				load.reply(Duration.ofSeconds(60));
				run(load, 5_000_000, Math.min(count, WARM_UP), SENDERS.get(1));
				List<Comparison> comparisons = new ArrayList<>();
				int first = 0;
				for (int senders : SENDERS) {
					comparisons.addAll(measure(context, load, first, count, senders, baseline));
					first += count;
				}
				return comparisons;
			}
		}
	}

	/**
	 * Has the load generator post {@code count} webhooks of lines from {@code first} on,
	 * {@code senders} at a time.
	 */
	private List<Comparison> measure(BenchContext context, ChildJvm load, int first, int count, int senders,
			Figure baseline) throws Exception {
		Matcher done;
		try (ProgressLine progress = context.progress("webhooks into Kafka, " + senders + " senders", count)) {
			done = run(load, first, count, senders);
			progress.advance(Long.parseLong(done.group(1)));
		}
		String label = " (" + senders + " senders)";
		Figure rate = new Figure("verified webhooks into Kafka" + label,
				Long.parseLong(done.group(1)) / Double.parseDouble(done.group(3)), "webhooks/s");
		return List.of(
				new Comparison(name(), rate, baseline, 3_000.0, false, true,
						List.of(new Figure("concurrent senders (load generator in another JVM)", senders,
								"connections"))),
				new Comparison(name(), new Figure("webhook latency p99" + label, millis(done.group(5)), "ms"), null,
						25.0, false, false, List.of(new Figure("webhook latency p50", millis(done.group(4)), "ms"),
								new Figure("webhook latency max", millis(done.group(6)), "ms"))));
	}

	/** One load run in the generator's JVM; fails unless every webhook was published. */
	private static Matcher run(ChildJvm load, int first, int count, int senders) throws Exception {
		String reply = load.request("run " + first + " " + count + " " + senders, Duration.ofMinutes(30));
		Matcher done = DONE.matcher(reply);
		if (!done.matches()) {
			throw new IllegalStateException("The webhook load generator answered: " + reply);
		}
		if (Integer.parseInt(done.group(2)) > 0) {
			throw new IllegalStateException(done.group(2) + " webhooks not published, first: " + done.group(7));
		}
		return done;
	}

	private static double millis(String value) {
		return Double.parseDouble(value);
	}

	/** Posts until payments answers 200 (its line view must be RUNNING first). */
	private static void awaitPublishing(HttpLoad load, URI uri, Lines lines, LocalDate validUntil) throws Exception {
		String[] last = new String[1];
		int[] next = { 4_000_000 };
		try {
			Waits.until("payments to publish a webhook", Duration.ofSeconds(90), () -> {
				try {
					var response = load.send(post(uri, succeeded(lines, next[0]++, validUntil), SECRET,
							System.currentTimeMillis() / 1000));
					last[0] = response.statusCode() + " " + response.body();
					return response.statusCode() == 200;
				}
				catch (java.io.IOException ex) {
					last[0] = ex.toString();
					return false;
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					return true;
				}
			});
		}
		catch (java.util.concurrent.TimeoutException ex) {
			throw new IllegalStateException("Payments never published a webhook; its last answer: " + last[0], ex);
		}
	}

	/**
	 * A webhook delivery of {@code payload}, signed with {@code secret} as Stripe signs.
	 */
	static HttpLoad.Post post(URI uri, String payload, String secret, long timestamp) {
		return new HttpLoad.Post(uri, payload.getBytes(StandardCharsets.UTF_8), "Content-Type", "application/json",
				"Stripe-Signature", SignatureVerificationRate.signatureHeader(payload, secret, timestamp));
	}

	/**
	 * A {@code payment_intent.succeeded} event as Stripe sends it for a Keepline renewal
	 * of line {@code i} (the API version stripe-java pins).
	 */
	static String succeeded(Lines lines, int i, LocalDate validUntil) {
		String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 24);
		ObjectNode intent = EventJson.mapper().createObjectNode();
		intent.put("id", "pi_" + suffix);
		intent.put("object", "payment_intent");
		intent.put("amount", 1500);
		intent.put("amount_received", 1500);
		intent.put("currency", "eur");
		intent.put("status", "succeeded");
		intent.put("livemode", false);
		intent.put("created", System.currentTimeMillis() / 1000);
		ObjectNode metadata = intent.putObject("metadata");
		metadata.put("keepline_msisdn", lines.msisdn(i).value());
		metadata.put("keepline_valid_until", validUntil.toString());
		ObjectNode event = EventJson.mapper().createObjectNode();
		event.put("id", "evt_" + suffix);
		event.put("object", "event");
		event.put("api_version", Stripe.API_VERSION);
		event.put("created", System.currentTimeMillis() / 1000);
		event.putObject("data").set("object", intent);
		event.put("livemode", false);
		event.put("pending_webhooks", 1);
		ObjectNode request = event.putObject("request");
		request.putNull("id");
		request.putNull("idempotency_key");
		event.put("type", "payment_intent.succeeded");
		return EventJson.mapper().writeValueAsString(event);
	}

}
