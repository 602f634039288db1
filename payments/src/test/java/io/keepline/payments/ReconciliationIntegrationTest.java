package io.keepline.payments;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;

import io.keepline.contracts.Msisdn;
import io.keepline.contracts.payment.PaymentEvent;
import io.keepline.contracts.payment.PaymentSucceeded;
import io.keepline.contracts.reconcile.ReconciliationCheckpoint;
import io.keepline.contracts.topic.Topics;
import io.keepline.payments.StripeStandIn.EventQuery;
import io.keepline.testsupport.KafkaCluster;
import io.keepline.testsupport.RealKafka;
import io.keepline.testsupport.TopicProbe;
import io.keepline.testsupport.Unique;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.event.ApplicationContextInitializedEvent;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Reconciliation on two payments instances sharing one broker, reading the stand-in's
 * Events API with stripe-java: restarted after a four-day downtime, one of them (only
 * one) catches up from the checkpoint left in Kafka (not from the three-day look-back)
 * and publishes each missed event once, one delivered by the webhook too included; when
 * it stops, the other takes over from its checkpoint.
 */
@RealKafka
class ReconciliationIntegrationTest {

	static final String GROUP = Unique.name("payments-reconcile");

	static final String WEBHOOK_SECRET = "whsec_reconcile";

	static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);

	static final Instant CHECKPOINT = NOW.minus(Duration.ofDays(4)).minus(Duration.ofHours(1));

	static final LocalDate VALID_UNTIL = LocalDate.now(ZoneOffset.UTC).plusDays(24);

	static final StripeStandIn stripe = new StripeStandIn();

	static final List<ConfigurableApplicationContext> instances = new CopyOnWriteArrayList<>();

	static KafkaCluster cluster;

	static TopicProbe<Msisdn, PaymentEvent> payments;

	final HttpClient http = HttpClient.newHttpClient();

	@BeforeAll
	static void start(KafkaCluster kafka) throws Exception {
		cluster = kafka;
		cluster.createTopics(Topics.LINES, Topics.DEADLINE_EVENTS, Topics.PAYMENT_EVENTS, Topics.LINE_EVENTS,
				Topics.RECONCILIATION_CHECKPOINTS);
		cluster.startGroupAtEnd(GROUP, Topics.DEADLINE_EVENTS);
		payments = TopicProbe.of(cluster, Topics.PAYMENT_EVENTS);
		String account = GROUP + "/stripe-test";
		ReconciliationCheckpoint left = new ReconciliationCheckpoint(account, "evt_before_the_downtime", CHECKPOINT,
				CHECKPOINT);
		try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(cluster.producerProperties(),
				new ByteArraySerializer(), new ByteArraySerializer())) {
			producer
				.send(new ProducerRecord<>(Topics.RECONCILIATION_CHECKPOINTS.name(),
						Topics.RECONCILIATION_CHECKPOINTS.keySerde().serializer().serialize(null, account),
						Topics.RECONCILIATION_CHECKPOINTS.valueSerde().serializer().serialize(null, left)))
				.get();
		}
	}

	@AfterAll
	static void stop() {
		instances.forEach(ConfigurableApplicationContext::close);
		payments.close();
		stripe.close();
	}

	@Test
	void catchesUpAFourDayDowntimeOnceFromTheCheckpointOnOneInstanceAndTheOtherTakesOver() throws Exception {
		Msisdn reconciledBefore = paidAt(CHECKPOINT.minus(Duration.ofHours(2)));
		List<Msisdn> missed = List.of(paidAt(CHECKPOINT.plus(Duration.ofHours(1))),
				paidAt(NOW.minus(Duration.ofDays(3)).minus(Duration.ofHours(12))),
				paidAt(NOW.minus(Duration.ofDays(1))));
		Msisdn alsoDelivered = Unique.msisdn();
		stripe.clockAt(NOW.minus(Duration.ofHours(2)));
		String delivered = stripe.checkoutCompleted(1500, StripeJson.metadata(alsoDelivered, VALID_UNTIL, "checkout"));
		stripe.clockAt(NOW);

		startTogether("sk_test_first", "sk_test_second");
		ConfigurableApplicationContext leader = await().atMost(Duration.ofSeconds(30))
			.until(() -> (electionMembers() == 2) ? reconciling() : List.<ConfigurableApplicationContext>of(),
					(leaders) -> leaders.size() == 1)
			.get(0);
		assertThat(webhook(leader, delivered).statusCode()).isEqualTo(200);
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			assertThat(reconciling()).hasSizeLessThanOrEqualTo(1);
			missed.forEach((line) -> assertThat(succeeded(line)).hasSize(1));
			assertThat(succeeded(alsoDelivered)).hasSize(1);
			assertThat(stripe.eventQueries()).extracting(EventQuery::until)
				.anySatisfy((until) -> assertThat(until).isAfterOrEqualTo(NOW));
		});
		assertThat(stripe.eventQueries().get(0).after()).isEqualTo(CHECKPOINT.minus(Duration.ofSeconds(5)));
		assertThat(succeeded(reconciledBefore)).isEmpty();
		assertThat(reconciling()).containsExactly(leader);
		assertThat(turns(stripe.eventQueries())).hasSizeLessThanOrEqualTo(2).endsWith(apiKey(leader));

		leader.close();
		instances.remove(leader);
		int beforeHandOver = stripe.eventQueries().size();
		Instant handOver = Instant.now();
		Msisdn afterHandOver = paidAt(handOver);
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(succeeded(afterHandOver)).hasSize(1));
		await().atMost(Duration.ofSeconds(30)).until(() -> stripe.eventQueries().size() > beforeHandOver + 3);
		List<EventQuery> sinceHandOver = queriesSince(beforeHandOver);
		assertThat(sinceHandOver).extracting(EventQuery::apiKey).containsOnly(apiKey(instances.get(0)));
		assertThat(sinceHandOver.get(0).after()).as("from the checkpoint the first instance wrote")
			.isAfter(NOW.minus(Duration.ofMinutes(1)));
		missed.forEach((line) -> assertThat(succeeded(line)).hasSize(1));
		assertThat(succeeded(alsoDelivered)).hasSize(1);
		assertThat(succeeded(afterHandOver)).hasSize(1);
		assertThat(health(instances.get(0))).containsEntry("role", "reconciles").containsEntry("stale", false);
	}

	/**
	 * A line paid through Checkout at {@code at} on the stand-in's clock, its webhook
	 * never delivered.
	 */
	private static Msisdn paidAt(Instant at) {
		Msisdn line = Unique.msisdn();
		stripe.clockAt(at);
		stripe.checkoutCompleted(1500, StripeJson.metadata(line, VALID_UNTIL, "checkout"));
		stripe.clockAt(NOW);
		return line;
	}

	/** The members of the stable reconciliation group, else 0. */
	private static int electionMembers() throws Exception {
		try (Admin admin = Admin.create(cluster.adminProperties())) {
			ConsumerGroupDescription group = admin.describeConsumerGroups(List.of(GROUP + "-reconciliation"))
				.all()
				.get()
				.get(GROUP + "-reconciliation");
			return (group.groupState() == GroupState.STABLE) ? group.members().size() : 0;
		}
	}

	private static List<ConfigurableApplicationContext> reconciling() {
		return instances.stream().filter((instance) -> "reconciles".equals(health(instance).get("role"))).toList();
	}

	/** The API keys that took turns in {@code queries}: one key per run of queries. */
	private static List<String> turns(List<EventQuery> queries) {
		List<String> turns = new ArrayList<>();
		for (EventQuery query : queries) {
			if (turns.isEmpty() || !turns.get(turns.size() - 1).equals(query.apiKey())) {
				turns.add(query.apiKey());
			}
		}
		return turns;
	}

	private static List<EventQuery> queriesSince(int index) {
		List<EventQuery> all = stripe.eventQueries();
		return all.subList(index, all.size());
	}

	private static Map<String, Object> health(ConfigurableApplicationContext instance) {
		return instance.getBean("reconciliationHealthIndicator", HealthIndicator.class).health().getDetails();
	}

	private static String apiKey(ConfigurableApplicationContext instance) {
		return instance.getEnvironment().getProperty("keepline.payments.stripe.api-key");
	}

	private static List<PaymentSucceeded> succeeded(Msisdn line) {
		return payments.values(PaymentSucceeded.class).stream().filter((ok) -> ok.msisdn().equals(line)).toList();
	}

	private HttpResponse<String> webhook(ConfigurableApplicationContext instance, String payload)
			throws IOException, InterruptedException {
		int port = ((WebServerApplicationContext) instance).getWebServer().getPort();
		return this.http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v1/stripe/webhook"))
			.header("Content-Type", "application/json")
			.header("Stripe-Signature", StripeJson.sign(WEBHOOK_SECRET, Instant.now(), payload))
			.POST(HttpRequest.BodyPublishers.ofString(payload))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	/**
	 * Starts an instance per API key, side by side. Each start waits until the one before
	 * has set up logging: Boot's logging initialisation resets Logback's shared context
	 * and is not safe to run twice at once in one JVM.
	 */
	private static void startTogether(String... apiKeys) {
		List<CompletableFuture<ConfigurableApplicationContext>> starts = new ArrayList<>();
		for (String apiKey : apiKeys) {
			CountDownLatch loggingReady = new CountDownLatch(1);
			starts.add(CompletableFuture.supplyAsync(() -> instance(apiKey, loggingReady)));
			await().atMost(Duration.ofSeconds(30)).until(() -> loggingReady.getCount() == 0);
		}
		starts.forEach(CompletableFuture::join);
	}

	private static ConfigurableApplicationContext instance(String apiKey) {
		return instance(apiKey, new CountDownLatch(1));
	}

	private static ConfigurableApplicationContext instance(String apiKey, CountDownLatch loggingReady) {
		Path stateDir;
		try {
			stateDir = Files.createTempDirectory("payments-reconcile");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		ConfigurableApplicationContext instance = new SpringApplicationBuilder(PaymentsApplication.class)
			.registerShutdownHook(false)
			.listeners((ApplicationListener<ApplicationContextInitializedEvent>) (event) -> loggingReady.countDown())
			.run("--server.port=0", "--management.server.port=0", "--spring.main.banner-mode=off",
					"--spring.kafka.bootstrap-servers=" + cluster.bootstrapServers(),
					"--keepline.payments.stripe.api-key=" + apiKey,
					"--keepline.payments.stripe.webhook-secret=" + WEBHOOK_SECRET,
					"--keepline.payments.stripe.api-base=" + stripe.baseUrl(),
					"--keepline.payments.stripe.max-network-retries=0", "--spring.kafka.streams.state-dir=" + stateDir,
					"--spring.kafka.streams.application-id=" + GROUP + "-view", "--keepline.payments.group-id=" + GROUP,
					"--keepline.payments.reconcile-interval=PT0.2S", "--keepline.payments.reconciliation.settle=PT0S",
					"--keepline.links.secret=reconcile-link-secret-0123456789abcdef");
		instances.add(instance);
		return instance;
	}

}
