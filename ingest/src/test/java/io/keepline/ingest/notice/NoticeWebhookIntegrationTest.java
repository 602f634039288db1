package io.keepline.ingest.notice;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.keepline.contracts.Channel;
import io.keepline.contracts.Holder;
import io.keepline.contracts.HolderLocale;
import io.keepline.contracts.line.LineErased;
import io.keepline.contracts.line.LineEvent;
import io.keepline.contracts.line.LineRegistered;
import io.keepline.contracts.notification.NotificationEvent;
import io.keepline.contracts.notification.NotificationFailed;
import io.keepline.contracts.Money;
import io.keepline.contracts.Msisdn;
import io.keepline.contracts.OperatorId;
import io.keepline.contracts.deadline.DeadlineEvent;
import io.keepline.contracts.deadline.RenewalConfirmed;
import io.keepline.contracts.json.EventJson;
import io.keepline.contracts.notice.OperatorNotice;
import io.keepline.contracts.notice.RenewalPaid;
import io.keepline.contracts.notice.ValidityLapsed;
import io.keepline.contracts.topic.Topic;
import io.keepline.contracts.topic.Topics;
import io.keepline.contracts.webhook.WebhookSignature;
import io.keepline.ingest.notice.webhook.HttpNoticeWebhook;
import io.keepline.testsupport.KafkaCluster;
import io.keepline.testsupport.RealKafka;
import io.keepline.testsupport.Unique;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Operator webhooks on a real broker to real HTTP receivers: each operator gets its own
 * notices, signed, once per notice id and in order per line, through 5xx answers,
 * timeouts and an outage; a paid renewal goes from deadline-events to the webhook.
 */
@RealKafka
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "keepline.operators.keys=orange=orange-nt-key-000001,proximus=proximus-nt-key-0002",
				"keepline.ingest.notices.webhook-deadline=1s", "keepline.ingest.notices.retry-first=100ms",
				"keepline.ingest.notices.retry-max=400ms", "keepline.ingest.notices.punctuation-interval=1s" })
class NoticeWebhookIntegrationTest {

	static final String ORANGE_SECRET = "orange-operator-webhook-secret-0001";

	static final String PROXIMUS_SECRET = "proximus-operator-webhook-secret-02";

	static final Receiver orange = Receiver.start(ORANGE_SECRET);

	static final Receiver proximus = Receiver.start(PROXIMUS_SECRET);

	@DynamicPropertySource
	static void webhooks(DynamicPropertyRegistry registry) throws IOException {
		registry.add("keepline.ingest.notices.webhooks",
				() -> "orange=" + orange.url() + ",proximus=" + proximus.url());
		registry.add("keepline.ingest.notices.webhook-secrets",
				() -> "orange=k1:" + ORANGE_SECRET + ",proximus=k1:" + PROXIMUS_SECRET);
		registry.add("keepline.ingest.notices.application-id", () -> Unique.name("ingest-notices"));
		registry.add("keepline.ingest.raw.group-id", () -> Unique.name("ingest-raw"));
		registry.add("spring.kafka.streams.state-dir", () -> tempDir());
	}

	@AfterAll
	static void stopReceivers() {
		orange.server.stop(0);
		proximus.server.stop(0);
	}

	@Test
	void eachOperatorGetsItsOwnNoticesSignedOnceAndInOrderThrough5xxAndTimeouts(KafkaCluster kafka) {
		Msisdn first = Unique.msisdn();
		Msisdn second = Unique.msisdn();
		orange.failFirst.set(3);
		orange.slowOnce.set(true);
		List<OperatorNotice> sent = new ArrayList<>();
		for (int cycle = 0; cycle < 4; cycle++) {
			sent.add(paid(OperatorId.of("orange"), first, cycle));
			sent.add(paid(OperatorId.of("orange"), second, cycle));
		}
		OperatorNotice other = lapsed(OperatorId.of("proximus"), Unique.msisdn());
		sent.add(other);
		send(kafka, sent);

		await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(orange.accepted(first)).hasSize(4));
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(orange.accepted(second)).hasSize(4));
		assertThat(orange.accepted(first)).containsExactlyElementsOf(idsOf(sent, first));
		assertThat(orange.accepted(second)).containsExactlyElementsOf(idsOf(sent, second));
		assertThat(orange.failures.get()).as("the 5xx answers and the timeout really happened")
			.isGreaterThanOrEqualTo(4);
		assertThat(orange.badSignatures.get()).isZero();
		assertThat(orange.ids).doesNotContain(other.noticeId().toString());
		await().atMost(Duration.ofSeconds(30)).until(() -> proximus.ids.contains(other.noticeId().toString()));
		assertThat(proximus.ids).doesNotContainAnyElementsOf(idsOf(sent, first));
	}

	@Test
	void anOperatorWhoseEndpointWasDownGetsEverythingAfterwards(KafkaCluster kafka) {
		Msisdn line = Unique.msisdn();
		proximus.down.set(true);
		List<OperatorNotice> sent = new ArrayList<>();
		for (int cycle = 0; cycle < 5; cycle++) {
			sent.add(paid(OperatorId.of("proximus"), line, cycle));
		}
		send(kafka, sent);
		await().atMost(Duration.ofSeconds(30)).until(() -> proximus.refusedWhileDown.get() >= 5);
		assertThat(proximus.accepted(line)).isEmpty();

		proximus.down.set(false);

		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(proximus.accepted(line)).containsExactlyElementsOf(idsOf(sent, line)));
	}

	@Test
	void aPaidRenewalOnDeadlineEventsReachesItsOperatorsWebhook(KafkaCluster kafka) {
		Msisdn line = Unique.msisdn();
		RenewalConfirmed confirmed = new RenewalConfirmed(UUID.randomUUID(), Instant.now(), line,
				OperatorId.of("orange"), LocalDate.parse("2027-01-31"), Money.of(1500, "EUR"), "pi_nt");
		try (KafkaProducer<Msisdn, DeadlineEvent> producer = producer(kafka, Topics.DEADLINE_EVENTS)) {
			producer.send(new ProducerRecord<>(Topics.DEADLINE_EVENTS.name(), line, confirmed));
		}

		await().atMost(Duration.ofSeconds(90))
			.untilAsserted(() -> assertThat(orange.accepted(line))
				.containsExactly(OperatorNotice.idFor("RenewalPaid", confirmed.eventId()).toString()));
	}

	@Test
	void aHolderWhoStoppedEveryChannelReachesTheOperatorsWebhookOnce(KafkaCluster kafka) {
		Msisdn line = Unique.msisdn();
		LineRegistered registered = new LineRegistered(UUID.randomUUID(), Instant.now(), line, OperatorId.of("orange"),
				"plan", LocalDate.parse("2027-01-31"), Money.of(1500, "EUR"),
				new Holder(null, "h@example.com", null, null, HolderLocale.EN, ZoneId.of("Europe/Brussels")),
				List.of(7, 1), false);
		try (KafkaProducer<Msisdn, LineEvent> producer = producer(kafka, Topics.LINE_EVENTS)) {
			producer.send(new ProducerRecord<>(Topics.LINE_EVENTS.name(), line, registered));
		}
		List<NotificationFailed> unreachable = List.of(unreachable(line, 7), unreachable(line, 1));
		try (KafkaProducer<Msisdn, NotificationEvent> producer = producer(kafka, Topics.NOTIFICATION_EVENTS)) {
			unreachable.forEach(
					(failed) -> producer.send(new ProducerRecord<>(Topics.NOTIFICATION_EVENTS.name(), line, failed)));
		}

		// a later notice of the same line: once it arrived, a second HolderUnreachable
		// would have too
		LineErased erased = new LineErased(UUID.randomUUID(), Instant.now(), line, OperatorId.of("orange"));
		try (KafkaProducer<Msisdn, LineEvent> producer = producer(kafka, Topics.LINE_EVENTS)) {
			producer.send(new ProducerRecord<>(Topics.LINE_EVENTS.name(), line, erased));
		}

		String told = OperatorNotice.idFor("HolderUnreachable", unreachable.get(0).eventId()).toString();
		String last = OperatorNotice.idFor("ErasureCompleted", erased.eventId()).toString();
		await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> assertThat(orange.accepted(line)).contains(last));
		assertThat(orange.accepted(line)).as("told once for the registration").containsExactly(told, last);
	}

	private static NotificationFailed unreachable(Msisdn line, int stage) {
		return new NotificationFailed(UUID.randomUUID(), Instant.now(), line, "reminder-" + stage, UUID.randomUUID(),
				Channel.EMAIL, "reminder-firm", HolderLocale.EN, true, "holder_unsubscribed_all");
	}

	private static List<String> idsOf(List<OperatorNotice> notices, Msisdn line) {
		return notices.stream().filter((n) -> line.equals(n.msisdn())).map((n) -> n.noticeId().toString()).toList();
	}

	private static RenewalPaid paid(OperatorId operator, Msisdn line, int cycle) {
		return new RenewalPaid(UUID.randomUUID(), Instant.now(), operator, line,
				LocalDate.parse("2027-01-31").plusYears(cycle), "plan", Money.of(1500, "EUR"), "pi_" + cycle);
	}

	private static ValidityLapsed lapsed(OperatorId operator, Msisdn line) {
		return new ValidityLapsed(UUID.randomUUID(), Instant.now(), operator, line, LocalDate.parse("2027-01-31"));
	}

	private static void send(KafkaCluster kafka, List<OperatorNotice> notices) {
		try (KafkaProducer<Msisdn, OperatorNotice> producer = producer(kafka,
				Topics.operatorNotices(OperatorId.of("orange")))) {
			for (OperatorNotice notice : notices) {
				producer.send(new ProducerRecord<>(Topics.operatorNotices(notice.operator()).name(), notice.msisdn(),
						notice));
			}
		}
	}

	private static <K, V> KafkaProducer<K, V> producer(KafkaCluster kafka, Topic<K, V> topic) {
		return new KafkaProducer<>(kafka.producerProperties(), topic.keySerde().serializer(),
				topic.valueSerde().serializer());
	}

	private static String tempDir() {
		try {
			return Files.createTempDirectory("ingest-notices-it").toString();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * An operator's webhook receiver: verifies the signature, drops a notice id it
	 * accepted before, and can answer 500 a few times, once too slowly, or be down.
	 */
	static final class Receiver {

		final HttpServer server;

		final WebhookSignature signature;

		final Set<String> ids = ConcurrentHashMap.newKeySet();

		final List<String[]> accepted = Collections.synchronizedList(new ArrayList<>());

		final AtomicInteger failFirst = new AtomicInteger();

		final AtomicBoolean slowOnce = new AtomicBoolean();

		final AtomicBoolean down = new AtomicBoolean();

		final AtomicInteger failures = new AtomicInteger();

		final AtomicInteger refusedWhileDown = new AtomicInteger();

		final AtomicInteger badSignatures = new AtomicInteger();

		private Receiver(HttpServer server, String secret) {
			this.server = server;
			this.signature = WebhookSignature.of("k1", secret);
		}

		static Receiver start(String secret) {
			try {
				HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
				server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(4));
				Receiver receiver = new Receiver(server, secret);
				server.createContext("/notices", receiver::handle);
				server.start();
				return receiver;
			}
			catch (IOException ex) {
				throw new IllegalStateException(ex);
			}
		}

		String url() {
			return "http://127.0.0.1:" + this.server.getAddress().getPort() + "/notices";
		}

		List<String> accepted(Msisdn line) {
			synchronized (this.accepted) {
				return this.accepted.stream().filter((a) -> a[0].equals(line.value())).map((a) -> a[1]).toList();
			}
		}

		private void handle(HttpExchange exchange) throws IOException {
			byte[] body = exchange.getRequestBody().readAllBytes();
			if (this.down.get()) {
				this.refusedWhileDown.incrementAndGet();
				answer(exchange, 503);
				return;
			}
			if (this.failFirst.getAndUpdate((n) -> Math.max(0, n - 1)) > 0) {
				this.failures.incrementAndGet();
				answer(exchange, 500);
				return;
			}
			if (this.slowOnce.getAndSet(false)) {
				this.failures.incrementAndGet();
				awaitQuietly(new CountDownLatch(1), Duration.ofSeconds(2));
			}
			String header = exchange.getRequestHeaders().getFirst(WebhookSignature.HEADER);
			if (!this.signature.verify(header, body, Instant.now(), Duration.ofMinutes(5))) {
				this.badSignatures.incrementAndGet();
				answer(exchange, 401);
				return;
			}
			String id = exchange.getRequestHeaders().getFirst(HttpNoticeWebhook.NOTICE_ID_HEADER);
			OperatorNotice notice = EventJson.read(body, OperatorNotice.class);
			assertThat(notice.noticeId().toString()).isEqualTo(id);
			if (this.ids.add(id) && notice.msisdn() != null) {
				this.accepted.add(new String[] { notice.msisdn().value(), id });
			}
			answer(exchange, 204);
		}

		private static void answer(HttpExchange exchange, int status) throws IOException {
			exchange.sendResponseHeaders(status, -1);
			exchange.close();
		}

		private static void awaitQuietly(CountDownLatch latch, Duration duration) {
			try {
				latch.await(duration.toMillis(), TimeUnit.MILLISECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}

	}

}
