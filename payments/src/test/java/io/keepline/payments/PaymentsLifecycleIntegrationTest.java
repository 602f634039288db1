package io.keepline.payments;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.extension.Parameters;
import com.github.tomakehurst.wiremock.extension.ServeEventListener;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.keepline.contracts.Holder;
import io.keepline.contracts.HolderLocale;
import io.keepline.contracts.Money;
import io.keepline.contracts.Msisdn;
import io.keepline.contracts.OperatorId;
import io.keepline.contracts.PaymentMethodRef;
import io.keepline.contracts.deadline.AutoRenewalDue;
import io.keepline.contracts.linerecord.AutoRenewal;
import io.keepline.contracts.linerecord.CycleState;
import io.keepline.contracts.linerecord.LineRecord;
import io.keepline.contracts.linerecord.SavedMethod;
import io.keepline.contracts.payment.PaymentEvent;
import io.keepline.contracts.payment.PaymentSucceeded;
import io.keepline.contracts.topic.Topics;
import io.keepline.testsupport.ClientThreads;
import io.keepline.testsupport.KafkaCluster;
import io.keepline.testsupport.RealKafka;
import io.keepline.testsupport.TopicProbe;
import io.keepline.testsupport.Unique;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Payments started, stopped and its line view interrupted on a real broker, each test in
 * a context of its own: no charge before the view can record its outcome, an outcome the
 * view could not take is published once the view is back, and every producer closes with
 * the context.
 */
@RealKafka
class PaymentsLifecycleIntegrationTest {

	static final LocalDate VALID_UNTIL = LocalDate.now(ZoneOffset.UTC).plusDays(24);

	static final String CHARGES = "/v1/payment_intents";

	/** Runs once when Stripe has taken a charge, before it answers (then cleared). */
	static final AtomicReference<Runnable> onCharge = new AtomicReference<>();

	static final WireMockServer stripe = new WireMockServer(
			options().dynamicPort().extensions(new ServeEventListener() {

				@Override
				public String getName() {
					return "on-charge";
				}

				@Override
				public void afterMatch(ServeEvent event, Parameters parameters) {
					Runnable action = event.getRequest().getUrl().equals(CHARGES) ? onCharge.getAndSet(null) : null;
					if (action != null) {
						action.run();
					}
				}

			}));

	static KafkaProducer<byte[], byte[]> producer;

	static TopicProbe<Msisdn, PaymentEvent> payments;

	final HttpClient http = HttpClient.newHttpClient();

	@BeforeAll
	static void start(KafkaCluster cluster) {
		stripe.start();
		// payments looks the cycle's charge up before every automatic renewal: none yet
		stripe.stubFor(WireMock.get(urlPathEqualTo(CHARGES)).willReturn(okJson("""
				{"object": "list", "url": "/v1/payment_intents", "has_more": false, "data": []}""")));
		cluster.createTopics(Topics.LINES, Topics.DEADLINE_EVENTS, Topics.PAYMENT_EVENTS);
		producer = new KafkaProducer<>(cluster.producerProperties(), new ByteArraySerializer(),
				new ByteArraySerializer());
		payments = TopicProbe.of(cluster, Topics.PAYMENT_EVENTS);
	}

	@AfterAll
	static void stop() {
		payments.close();
		producer.close();
		stripe.stop();
	}

	@Test
	void chargesNothingBeforeTheLineViewRunsThenPublishesTheOutcomeOnce(KafkaCluster cluster) throws Exception {
		AutoRenewalDue due = renewal(Unique.msisdn());
		stubCharge(due);
		try (ConfigurableApplicationContext service = start(cluster, Map.of("spring.kafka.streams.auto-startup",
				"false", "keepline.payments.stripe.read-timeout", "PT5S"))) {
			StreamsBuilderFactoryBean view = service.getBean(StreamsBuilderFactoryBean.class);
			send(due);

			await("nothing charged while the view is not running").during(Duration.ofSeconds(5))
				.atMost(Duration.ofSeconds(20))
				.untilAsserted(() -> {
					assertThat(view.isRunning()).isFalse();
					assertThat(stripe.findAll(charges(due))).isEmpty();
					assertThat(readiness(service)).isEqualTo("503 OUT_OF_SERVICE");
				});
			view.start();

			await("the outcome once the view runs").atMost(Duration.ofSeconds(60))
				.untilAsserted(() -> assertThat(succeeded(due.msisdn())).hasSize(1));
			await("readiness once deadline-events are consumed").atMost(Duration.ofSeconds(30))
				.until(() -> readiness(service).equals("200 UP"));
			await("nothing more").during(Duration.ofSeconds(3))
				.atMost(Duration.ofSeconds(20))
				.untilAsserted(() -> assertThat(succeeded(due.msisdn())).hasSize(1));
			assertThat(stripe.findAll(charges(due))).hasSize(1);
		}
	}

	@Test
	void publishesAChargeWhoseOutcomeMetAStoppedLineViewOnceTheViewRunsAgain(KafkaCluster cluster) throws Exception {
		AutoRenewalDue due = renewal(Unique.msisdn());
		stubCharge(due);
		// no retries at all: an outcome not yet recorded must still not be dead-lettered
		try (ConfigurableApplicationContext service = start(cluster,
				Map.of("keepline.payments.retry-attempts", "0", "keepline.payments.stripe.read-timeout", "PT60S"));
				TopicProbe<String, String> deadLetters = TopicProbe.raw(cluster, Topics.DEADLINE_EVENTS.deadLetter())) {
			StreamsBuilderFactoryBean view = service.getBean(StreamsBuilderFactoryBean.class);
			await("deadline-events consumed").atMost(Duration.ofSeconds(60))
				.until(() -> readiness(service).equals("200 UP"));
			onCharge.set(view::stop);
			send(due);

			await("the charge, with the view stopped before Stripe answered").atMost(Duration.ofSeconds(60))
				.untilAsserted(() -> {
					assertThat(stripe.findAll(charges(due))).hasSize(1);
					assertThat(view.isRunning()).isFalse();
				});
			await("the outcome waits for the view").during(Duration.ofSeconds(4))
				.atMost(Duration.ofSeconds(20))
				.untilAsserted(() -> {
					assertThat(succeeded(due.msisdn())).isEmpty();
					assertThat(deadLettered(deadLetters, due.msisdn())).isZero();
					assertThat(readiness(service)).isEqualTo("503 OUT_OF_SERVICE");
				});
			view.start();

			await("the outcome once the view runs again").atMost(Duration.ofSeconds(60))
				.untilAsserted(() -> assertThat(succeeded(due.msisdn())).hasSize(1));
			await("nothing more").during(Duration.ofSeconds(3))
				.atMost(Duration.ofSeconds(20))
				.untilAsserted(() -> assertThat(succeeded(due.msisdn())).hasSize(1));
			assertThat(stripe.findAll(charges(due))).as("the charge and its replay under the same key").hasSize(2);
			assertThat(deadLettered(deadLetters, due.msisdn())).isZero();
			assertThat(succeeded(due.msisdn()).get(0).paymentIntentId()).isEqualTo(intent(due));
		}
	}

	@Test
	void closesEveryProducerItOpenedWithItsContext(KafkaCluster cluster) throws Exception {
		String clientId = Unique.name("payments-close");
		AutoRenewalDue due = renewal(Unique.msisdn());
		Msisdn poisoned = Unique.msisdn();
		stubCharge(due);
		try (TopicProbe<String, String> deadLetters = TopicProbe.raw(cluster, Topics.DEADLINE_EVENTS.deadLetter())) {
			ConfigurableApplicationContext service = start(cluster, Map.of("spring.kafka.client-id", clientId));
			try {
				producer.send(new ProducerRecord<>(Topics.DEADLINE_EVENTS.name(),
						poisoned.value().getBytes(StandardCharsets.UTF_8),
						"{\"type\": \"Nonsense\"}".getBytes(StandardCharsets.UTF_8)));
				send(due);

				// dead letters from the listener, and an outcome
				await("every producer in use").atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
					assertThat(succeeded(due.msisdn())).hasSize(1);
					assertThat(deadLettered(deadLetters, poisoned)).isEqualTo(1);
				});
				assertThat(ClientThreads.producers(clientId)).hasSizeGreaterThanOrEqualTo(2);
			}
			finally {
				service.close();
			}
			assertThat(ClientThreads.producers(clientId)).as("producer threads after the context closed").isEmpty();
		}
	}

	private static ConfigurableApplicationContext start(KafkaCluster cluster, Map<String, String> overrides)
			throws IOException {
		String group = Unique.name("payments-lifecycle");
		cluster.startGroupAtEnd(group, Topics.DEADLINE_EVENTS);
		List<String> args = new ArrayList<>(List.of("--server.port=0", "--management.server.port=0",
				"--spring.main.banner-mode=off", "--spring.kafka.bootstrap-servers=" + cluster.bootstrapServers(),
				"--keepline.payments.stripe.api-key=sk_test_lifecycle",
				"--keepline.payments.stripe.webhook-secret=whsec_lifecycle",
				"--keepline.payments.stripe.api-base=" + stripe.baseUrl(),
				"--spring.kafka.streams.state-dir=" + Files.createTempDirectory("payments-lifecycle"),
				"--spring.kafka.streams.application-id=" + Unique.name("payments-lifecycle") + "-view",
				"--keepline.payments.group-id=" + group, "--keepline.payments.retry-backoff=PT0.2S",
				"--logging.level.org.apache.kafka.streams=INFO",
				"--logging.level.org.apache.kafka.clients.consumer=INFO",
				"--keepline.links.secret=lifecycle-link-secret-0123456789abcdef"));
		overrides.forEach((name, value) -> args.add("--" + name + "=" + value));
		return new SpringApplicationBuilder(PaymentsApplication.class).registerShutdownHook(false)
			.run(args.toArray(String[]::new));
	}

	private String readiness(ConfigurableApplicationContext service) throws IOException, InterruptedException {
		String port = service.getEnvironment().getRequiredProperty("local.management.port");
		HttpResponse<String> response = this.http.send(
				HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness")).build(),
				HttpResponse.BodyHandlers.ofString());
		String status = response.body().replaceAll("(?s).*\"status\"\\s*:\\s*\"([A-Z_]+)\".*", "$1");
		return response.statusCode() + " " + status;
	}

	private static AutoRenewalDue renewal(Msisdn msisdn) {
		return new AutoRenewalDue(UUID.randomUUID(), Instant.now(), msisdn, OperatorId.of("orange"), VALID_UNTIL, 1,
				new PaymentMethodRef("cus_L1", "pm_1", "visa", "4242", 12, 2030), Money.of(1500, "EUR"));
	}

	/**
	 * Stubs Stripe's answer to the charge, and writes the line's record (its cycle open)
	 * as the scheduler would before it fires an automatic renewal.
	 */
	private static void stubCharge(AutoRenewalDue due) throws Exception {
		Holder holder = new Holder(null, "h@example.com", null, null, HolderLocale.EN, ZoneId.of("Europe/Brussels"));
		LineRecord record = new LineRecord(due.msisdn(), OperatorId.of("orange"), "orange-prepaid-15", VALID_UNTIL,
				CycleState.OPEN, Money.of(1500, "EUR"),
				new AutoRenewal(true, true, new SavedMethod("visa", "4242", 12, 2030)), holder,
				Instant.parse("2026-01-01T00:00:00Z"), Instant.now());
		producer
			.send(new ProducerRecord<>(Topics.LINES.name(),
					Topics.LINES.keySerde().serializer().serialize(null, record.msisdn()),
					Topics.LINES.valueSerde().serializer().serialize(null, record)))
			.get();
		stripe
			.stubFor(post(urlEqualTo(CHARGES)).withFormParam("metadata[keepline_msisdn]", equalTo(due.msisdn().value()))
				.willReturn(okJson(StripeJson.paymentIntent(intent(due), "succeeded", 1500,
						StripeJson.metadata(due.msisdn(), VALID_UNTIL, "auto_renewal"), "null"))));
	}

	private static String intent(AutoRenewalDue due) {
		return "pi_life_" + due.msisdn().value().substring(1);
	}

	/** The charge requests for {@code due}, all under its idempotency key. */
	private static RequestPatternBuilder charges(AutoRenewalDue due) {
		return postRequestedFor(urlEqualTo(CHARGES)).withHeader("Idempotency-Key", equalTo(due.idempotencyKey()));
	}

	private static void send(AutoRenewalDue due) throws Exception {
		producer
			.send(new ProducerRecord<>(Topics.DEADLINE_EVENTS.name(),
					Topics.DEADLINE_EVENTS.keySerde().serializer().serialize(null, due.msisdn()),
					Topics.DEADLINE_EVENTS.valueSerde().serializer().serialize(null, due)))
			.get();
	}

	private static List<PaymentSucceeded> succeeded(Msisdn msisdn) {
		return payments.values(PaymentSucceeded.class).stream().filter((ok) -> ok.msisdn().equals(msisdn)).toList();
	}

	private static long deadLettered(TopicProbe<String, String> deadLetters, Msisdn msisdn) {
		return deadLetters.records().stream().filter((record) -> msisdn.value().equals(record.key())).count();
	}

}
