package io.keepline.reliability.privacy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.keepline.contracts.CycleId;
import io.keepline.contracts.Msisdn;
import io.keepline.contracts.deadline.DeadlineEvent;
import io.keepline.contracts.deadline.RenewalConfirmed;
import io.keepline.contracts.line.HolderUpdated;
import io.keepline.contracts.line.LineErased;
import io.keepline.contracts.line.LineEvent;
import io.keepline.contracts.line.ValidityExtended;
import io.keepline.contracts.notification.NotificationEvent;
import io.keepline.contracts.notification.NotificationSent;
import io.keepline.contracts.payment.PaymentEvent;
import io.keepline.contracts.payment.PaymentFailed;
import io.keepline.contracts.payment.PaymentRefunded;
import io.keepline.contracts.payment.PaymentSource;
import io.keepline.contracts.topic.Topic;
import io.keepline.contracts.topic.Topics;
import io.keepline.reliability.DueLines;
import io.keepline.reliability.privacy.Holders.Fate;
import io.keepline.reliability.privacy.Holders.Line;
import io.keepline.payments.gateway.CycleMetadata;
import io.keepline.payments.sandbox.StripeSignature;
import io.keepline.standalone.Pipeline;
import io.keepline.standalone.StandaloneSettings;
import io.keepline.standalone.seed.IngestClient;
import io.keepline.testsupport.KafkaCluster;
import io.keepline.testsupport.TopicProbe;
import io.keepline.contracts.json.EventJson;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import com.stripe.Stripe;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Drives the standalone as its users do: operators register lines over HTTP (and send a
 * few bad requests), holders get their reminders by email, SMS and webhook, open a pay
 * link and pay in the sandbox checkout, the renewal is confirmed and the simulated
 * operator tops the line up; one holder updates, others are erased. Along the way: a
 * reminder to an unreachable webhook waits on the notifier's retry topic, a checkout of
 * each SMS holder fails (a signed {@code checkout.session.async_payment_failed} webhook),
 * the erased email holders pay after their erasure and are refunded, and a poison record
 * keyed by each line's number goes to the notifier's dead-letter topic. Counts what it
 * saw.
 */
final class FullRun {

	private static final Duration PATIENCE = Duration.ofSeconds(90);

	/**
	 * The deadline events' dead-letter topic (the notifier's, where the other readers
	 * park what they cannot read too).
	 */
	static final String DEAD_LETTERS = Topics.DEADLINE_EVENTS.name() + Topic.DEAD_LETTER_SUFFIX;

	private static final byte[] POISON = { (byte) 0xff, (byte) 0xfe, 0, 'n', 'o', 't', ' ', 'j', 's', 'o', 'n', '{' };

	private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	private final Pipeline pipeline;

	private final List<Line> lines;

	private final Map<String, Object> counts = new LinkedHashMap<>();

	FullRun(Pipeline pipeline, List<Line> lines) {
		this.pipeline = pipeline;
		this.lines = lines;
	}

	/** What the run did, in the order it happened. */
	Map<String, Object> counts() {
		return this.counts;
	}

	void run() throws Exception {
		KafkaCluster broker = new PipelineBroker(this.pipeline);
		try (TopicProbe<Msisdn, NotificationEvent> notifications = TopicProbe.of(broker, Topics.NOTIFICATION_EVENTS);
				TopicProbe<Msisdn, DeadlineEvent> deadlines = TopicProbe.of(broker, Topics.DEADLINE_EVENTS);
				TopicProbe<Msisdn, LineEvent> lineEvents = TopicProbe.of(broker, Topics.LINE_EVENTS);
				TopicProbe<Msisdn, PaymentEvent> payments = TopicProbe.of(broker, Topics.PAYMENT_EVENTS);
				TopicProbe<String, String> deadLetters = TopicProbe.raw(broker, DEAD_LETTERS)) {
			this.counts.put("seed-lines", this.pipeline.seedReport().accepted());
			register();
			this.counts.put("bad-requests", new BadOperatorRequests(url(ports().ingest()), this.lines).send());
			for (Line line : this.lines) {
				if (line.fate() == Fate.RETRIED) {
					continue;
				}
				await("the reminder of a " + line.fate() + " line").atMost(PATIENCE)
					.until(() -> sent(notifications, line.msisdn()).stream()
						.anyMatch((sent) -> sent.channel() == line.fate().channel()));
				count("reminders", 1);
			}
			retried(broker);
			poison(broker, deadLetters);
			for (Line line : lines(Fate.SMS)) {
				failCheckout(line);
				await("the failed payment published").atMost(PATIENCE)
					.until(() -> payments.values(PaymentFailed.class)
						.stream()
						.anyMatch((failed) -> failed.msisdn().equals(line.msisdn())));
				count("payments-failed", 1);
			}
			for (Line line : lines(Fate.PAID)) {
				pay(line);
				CycleId cycle = new CycleId(line.msisdn(), line.event().validUntil());
				await("the renewal confirmed").atMost(PATIENCE)
					.until(() -> deadlines.values(RenewalConfirmed.class)
						.stream()
						.anyMatch((confirmed) -> confirmed.cycle().equals(cycle)));
				await("the receipt sent").atMost(PATIENCE).until(() -> sent(notifications, line.msisdn()).size() >= 2);
				await("the simulated operator's top-up").atMost(PATIENCE)
					.until(() -> lineEvents.values(ValidityExtended.class)
						.stream()
						.anyMatch((extended) -> extended.msisdn().equals(line.msisdn())));
				count("paid-renewed-topped-up", 1);
			}
			for (Line line : lines(Fate.ERASED)) {
				// the holder opened the checkout before the erasure and pays after it
				String checkout = checkout(line);
				erase(line);
				// payments refunds a payment of a line its line records no longer hold
				String export = url(ports().payments()) + "/v1/lines/" + line.msisdn().value() + "/export";
				await("payments' line record of the erased line gone").atMost(PATIENCE)
					.until(() -> send("GET", export, line.operatorKey()).statusCode() == 404);
				HttpResponse<String> paid = send("POST", checkout + "/complete");
				assertThat(paid.statusCode()).as("paid after the erasure: %s", paid.body()).isEqualTo(303);
				await("the payment of an erased line refunded").atMost(PATIENCE)
					.until(() -> payments.values(PaymentRefunded.class)
						.stream()
						.anyMatch((refunded) -> refunded.msisdn().equals(line.msisdn())));
				count("paid-after-erasure-refunded", 1);
			}
			browseTheConsole();
		}
	}

	private void register() {
		IngestClient ingest = new IngestClient(url(ports().ingest()));
		for (Line line : this.lines) {
			IngestClient.Outcome outcome = ingest.post(List.of(line.event()), line.operatorKey());
			assertThat(outcome.accepted()).as("registered: %s", outcome.errors()).isEqualTo(1);
		}
		count("lines-registered", this.lines.size());
		Line sms = lines(Fate.SMS).get(0);
		HolderUpdated update = new HolderUpdated(UUID.randomUUID(), null, sms.msisdn(), sms.event().operator(),
				sms.event().holder(), List.of(7, 1), false);
		assertThat(ingest.post(List.of(update), sms.operatorKey()).accepted()).isEqualTo(1);
		count("holders-updated", 1);
	}

	/**
	 * Opens the pay link of the reminder, pays in the sandbox checkout, opens the status
	 * page.
	 */
	private void pay(Line line) throws Exception {
		String checkout = checkout(line);
		HttpResponse<String> paid = send("POST", checkout + "/complete");
		assertThat(paid.statusCode()).isEqualTo(303);
		String status = paid.headers().firstValue("Location").orElseThrow();
		assertThat(send("GET", status).statusCode()).isEqualTo(200);
	}

	/** Opens the pay link of the reminder and the sandbox checkout it leads to. */
	private String checkout(Line line) throws Exception {
		String email = line.event().holder().email();
		String token = await("the reminder email").atMost(PATIENCE)
			.until(() -> DueLines.payToken(this.pipeline.outbox(), email).orElse(null), (found) -> found != null);
		HttpResponse<String> pay = send("GET", url(ports().payments()) + "/pay/" + token);
		assertThat(pay.statusCode()).as("pay link: %s", pay.body()).isEqualTo(303);
		String checkout = pay.headers().firstValue("Location").orElseThrow();
		// the sandbox page, in the holder's language: its form posts to the sandbox
		assertThat(send("GET", checkout).body()).contains("/sandbox/checkout/");
		return checkout;
	}

	/**
	 * Stripe tells payments that the holder's checkout of the current cycle failed (a
	 * bank debit refused after the session completed): the event Stripe sends, signed
	 * with the standalone's webhook secret.
	 */
	private void failCheckout(Line line) throws Exception {
		JsonMapper json = EventJson.mapper();
		String id = UUID.randomUUID().toString().replace("-", "");
		ObjectNode session = json.createObjectNode();
		session.put("id", "cs_test_" + id);
		session.put("object", "checkout.session");
		session.put("mode", "payment");
		session.put("status", "complete");
		session.put("payment_status", "unpaid");
		session.put("amount_total", line.event().renewalPrice().amountCents());
		session.put("currency", "eur");
		session.put("payment_intent", "pi_test_" + id);
		session.put("livemode", false);
		ObjectNode metadata = session.putObject("metadata");
		CycleMetadata.of(new CycleId(line.msisdn(), line.event().validUntil()), PaymentSource.CHECKOUT, null)
			.forEach(metadata::put);
		ObjectNode event = json.createObjectNode();
		event.put("id", "evt_test_" + id);
		event.put("object", "event");
		event.put("api_version", Stripe.API_VERSION);
		event.put("created", Instant.now().getEpochSecond());
		event.putObject("data").set("object", session);
		event.put("livemode", false);
		event.put("pending_webhooks", 1);
		event.put("type", "checkout.session.async_payment_failed");
		String payload = json.writeValueAsString(event);
		HttpResponse<String> answer = this.http.send(HttpRequest
			.newBuilder(URI.create(url(ports().payments()) + "/v1/stripe/webhook"))
			.header("Content-Type", "application/json")
			.header("Stripe-Signature",
					StripeSignature.header(this.pipeline.settings().secrets().webhookSecret(), Instant.now(), payload))
			.POST(HttpRequest.BodyPublishers.ofString(payload, StandardCharsets.UTF_8))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(answer.statusCode()).as("the failed checkout's webhook: %s", answer.body()).isEqualTo(200);
	}

	/**
	 * The reminder of each line whose webhook cannot be reached waits on one of the
	 * notifier's retry topics.
	 */
	private void retried(KafkaCluster broker) throws Exception {
		List<String> retryTopics;
		try (Admin admin = Admin.create(broker.adminProperties())) {
			retryTopics = admin.listTopics()
				.names()
				.get()
				.stream()
				.filter((name) -> name.startsWith(Topics.DEADLINE_EVENTS.name() + "-retry"))
				.toList();
		}
		assertThat(retryTopics).as("the notifier's retry topics").isNotEmpty();
		List<TopicProbe<String, String>> probes = retryTopics.stream()
			.map((topic) -> TopicProbe.raw(broker, topic))
			.toList();
		try {
			for (Line line : lines(Fate.RETRIED)) {
				await("the reminder of an unreachable webhook on a retry topic").atMost(PATIENCE)
					.until(() -> probes.stream()
						.flatMap((probe) -> probe.records().stream())
						.anyMatch((retry) -> line.msisdn().value().equals(retry.key())));
				count("reminders-on-a-retry-topic", 1);
			}
		}
		finally {
			probes.forEach(TopicProbe::close);
		}
	}

	/**
	 * A record that is not JSON, keyed by each line's number, on the deadline events the
	 * notifier reads: it goes to their dead-letter topic, keyed by the number.
	 */
	private void poison(KafkaCluster broker, TopicProbe<String, String> deadLetters) {
		try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(broker.producerProperties(),
				new StringSerializer(), new ByteArraySerializer())) {
			for (Line line : this.lines) {
				producer.send(new ProducerRecord<>(Topics.DEADLINE_EVENTS.name(), line.msisdn().value(), POISON));
			}
		}
		for (Line line : this.lines) {
			await("the poison record's dead letter").atMost(PATIENCE)
				.until(() -> deadLetters.records()
					.stream()
					.anyMatch((letter) -> line.msisdn().value().equals(letter.key())));
		}
		count("dead-letters", this.lines.size());
	}

	/** Erases the line and waits until the scheduler no longer knows it. */
	void erase(Line line) throws Exception {
		LineErased erased = new LineErased(UUID.randomUUID(), null, line.msisdn(), line.event().operator());
		assertThat(new IngestClient(url(ports().ingest())).post(List.of(erased), line.operatorKey()).accepted())
			.isEqualTo(1);
		String path = url(ports().scheduler()) + "/v1/lines/" + line.msisdn().value();
		await("the line erased").atMost(PATIENCE)
			.until(() -> this.http
				.send(HttpRequest.newBuilder(URI.create(path))
					.header("Authorization", "Bearer " + line.operatorKey())
					.build(), HttpResponse.BodyHandlers.ofString())
				.statusCode() == 404);
		count("erased", 1);
	}

	private void browseTheConsole() throws Exception {
		String console = this.pipeline.consoleUrl();
		assertThat(send("GET", console + "/").statusCode()).isEqualTo(401);
		String token = this.pipeline.consoleToken();
		assertThat(send("GET", console + "/", token).statusCode()).isEqualTo(200);
		assertThat(send("GET", console + "/lines/" + this.lines.get(0).msisdn().value(), token).statusCode())
			.isEqualTo(200);
		assertThat(send("GET", console + "/outbox", token).statusCode()).isEqualTo(200);
		assertThat(send("GET", console + "/payments", token).statusCode()).isEqualTo(200);
	}

	private List<Line> lines(Fate fate) {
		return this.lines.stream().filter((line) -> line.fate() == fate).toList();
	}

	private static List<NotificationSent> sent(TopicProbe<Msisdn, NotificationEvent> probe, Msisdn msisdn) {
		return probe.values(NotificationSent.class).stream().filter((sent) -> sent.msisdn().equals(msisdn)).toList();
	}

	private void count(String name, int n) {
		this.counts.merge(name, n, (a, b) -> (Integer) a + (Integer) b);
	}

	private HttpResponse<String> send(String method, String url) throws IOException, InterruptedException {
		return send(method, url, null);
	}

	/**
	 * A request, with a Bearer header (the console's token, an operator key) when
	 * {@code token} is set.
	 */
	private HttpResponse<String> send(String method, String url, String token)
			throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
			.timeout(Duration.ofSeconds(30))
			.method(method, HttpRequest.BodyPublishers.noBody());
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	private StandaloneSettings.Ports ports() {
		return this.pipeline.settings().ports();
	}

	private static String url(int port) {
		return StandaloneSettings.url(port);
	}

}
