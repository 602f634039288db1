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
import io.keepline.bench.service.HttpLoad;
import io.keepline.bench.service.InProcessService;
import io.keepline.contracts.json.EventJson;
import io.keepline.payments.PaymentsApplication;
import tools.jackson.databind.node.ObjectNode;

/**
 * Verified Stripe webhooks per second into Kafka through payments'
 * {@code POST /v1/stripe/webhook} (each answered 200 only after Kafka acknowledged the
 * payment event), and their latency, beside stripe-java's signature check alone.
 */
public final class WebhooksSuite implements Suite {

	private static final String SECRET = "whsec_bench_0123456789abcdef0123456789";

	/**
	 * Concurrent deliveries: a few, and as many as Stripe may have in flight to one
	 * endpoint when it delivers a backlog (it sends in parallel).
	 */
	private static final List<Integer> SENDERS = List.of(8, 64);

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
		try (InProcessService payments = InProcessService.start(PaymentsApplication.class, context.bootstrapServers(),
				properties)) {
			URI uri = URI.create(payments.baseUrl() + "/v1/stripe/webhook");
			warmUp(new HttpLoad(SENDERS.get(0)), uri, lines, validUntil);
			List<Comparison> comparisons = new ArrayList<>();
			int first = 0;
			for (int senders : SENDERS) {
				comparisons.addAll(measure(context, uri, lines, validUntil, first, count, senders, baseline));
				first += count;
			}
			return comparisons;
		}
	}

	/**
	 * Posts {@code count} webhooks of lines from {@code first} on, {@code senders} at a
	 * time.
	 */
	private List<Comparison> measure(BenchContext context, URI uri, Lines lines, LocalDate validUntil, int first,
			int count, int senders, Figure baseline) throws Exception {
		long timestamp = System.currentTimeMillis() / 1000;
		List<HttpLoad.Post> posts = new ArrayList<>(count);
		for (int i = first; i < first + count; i++) {
			posts.add(post(uri, succeeded(lines, i, validUntil), timestamp));
		}
		HttpLoad.Outcome outcome;
		try (ProgressLine progress = context.progress("webhooks into Kafka, " + senders + " senders", count)) {
			outcome = new HttpLoad(senders).run(posts,
					(response) -> (response.statusCode() == 200 && response.body().contains("published")) ? 1 : -1,
					progress);
		}
		if (outcome.failures() > 0) {
			throw new IllegalStateException(
					outcome.failures() + " webhooks not published, first: " + outcome.firstFailure());
		}
		String label = " (" + senders + " senders)";
		Figure rate = new Figure("verified webhooks into Kafka" + label, outcome.rate(), "webhooks/s");
		return List.of(
				new Comparison(name(), rate, baseline, 3_000.0, false, true,
						List.of(new Figure("concurrent senders", senders, "connections"))),
				new Comparison(name(), outcome.latency().figure("webhook latency p99" + label, 99), null, 25.0, false,
						false, List.of(outcome.latency().figure("webhook latency p50", 50),
								outcome.latency().figure("webhook latency max", 100))));
	}

	/** Posts until payments answers 200 (its line view must be RUNNING first). */
	private static void warmUp(HttpLoad load, URI uri, Lines lines, LocalDate validUntil) throws Exception {
		String[] last = new String[1];
		int[] next = { 4_000_000 };
		try {
			Waits.until("payments to publish a webhook", Duration.ofSeconds(90), () -> {
				try {
					var response = load
						.send(post(uri, succeeded(lines, next[0]++, validUntil), System.currentTimeMillis() / 1000));
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
		for (int i = 0; i < 200; i++) {
			load.send(post(uri, succeeded(lines, next[0]++, validUntil), System.currentTimeMillis() / 1000));
		}
	}

	private static HttpLoad.Post post(URI uri, String payload, long timestamp) {
		return new HttpLoad.Post(uri, payload.getBytes(StandardCharsets.UTF_8), "Content-Type", "application/json",
				"Stripe-Signature", SignatureVerificationRate.signatureHeader(payload, SECRET, timestamp));
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
