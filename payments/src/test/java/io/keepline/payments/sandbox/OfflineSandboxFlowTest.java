package io.keepline.payments.sandbox;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;

import io.keepline.contracts.CycleId;
import io.keepline.contracts.Holder;
import io.keepline.contracts.HolderLocale;
import io.keepline.contracts.Money;
import io.keepline.contracts.Msisdn;
import io.keepline.contracts.OperatorId;
import io.keepline.contracts.format.HolderFormat;
import io.keepline.contracts.link.LinkPurpose;
import io.keepline.contracts.link.LinkSigner;
import io.keepline.contracts.linerecord.AutoRenewal;
import io.keepline.contracts.linerecord.CycleState;
import io.keepline.contracts.linerecord.LineRecord;
import io.keepline.contracts.payment.PaymentEvent;
import io.keepline.contracts.payment.PaymentSucceeded;
import io.keepline.contracts.topic.Topics;
import io.keepline.testsupport.KafkaCluster;
import io.keepline.testsupport.RealKafka;
import io.keepline.testsupport.TopicProbe;
import io.keepline.testsupport.Unique;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The whole offline path of the standalone: pay link, the labelled sandbox checkout page,
 * a signed Stripe-format webhook to the real endpoint, PaymentSucceeded in Kafka.
 */
@RealKafka
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
// closed after the class: a cached context would go on consuming deadline-events and act
// on
// (charge, dead-letter) what later test classes send
@DirtiesContext
class OfflineSandboxFlowTest {

	static int port;

	static TopicProbe<Msisdn, PaymentEvent> payments;

	private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	@Autowired
	LinkSigner signer;

	@DynamicPropertySource
	static void settings(DynamicPropertyRegistry registry) throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		String stateDir = Files.createTempDirectory("payments-sandbox").toString();
		registry.add("server.port", () -> port);
		registry.add("management.server.port", () -> 0);
		registry.add("keepline.links.base-url", () -> "http://localhost:" + port);
		registry.add("keepline.links.secret", () -> "sandbox-flow-link-secret-0123456789abcdef");
		registry.add("keepline.payments.mode", () -> "auto");
		registry.add("keepline.payments.stripe.webhook-secret", () -> "whsec_demo");
		registry.add("spring.kafka.streams.state-dir", () -> stateDir);
		registry.add("spring.kafka.streams.application-id", () -> Unique.name("payments-sandbox") + "-view");
		registry.add("keepline.payments.group-id", () -> Unique.name("payments-sandbox"));
	}

	@BeforeAll
	static void topics(KafkaCluster cluster) {
		cluster.createTopics(Topics.LINES, Topics.DEADLINE_EVENTS, Topics.PAYMENT_EVENTS);
		payments = TopicProbe.of(cluster, Topics.PAYMENT_EVENTS);
	}

	@AfterAll
	static void close() {
		payments.close();
	}

	@Test
	void aHolderPaysOfflineAndTheRenewalReachesKafka(KafkaCluster cluster) throws Exception {
		Msisdn msisdn = Unique.msisdn();
		LocalDate validUntil = LocalDate.now(ZoneOffset.UTC).plusDays(24);
		Holder holder = new Holder(null, "h@example.com", null, null, HolderLocale.NL, ZoneId.of("Europe/Brussels"));
		LineRecord line = new LineRecord(msisdn, OperatorId.of("base"), "base-prepaid-10", validUntil, CycleState.OPEN,
				Money.of(1000, "EUR"), AutoRenewal.OFF, holder, Instant.parse("2026-01-01T00:00:00Z"), Instant.now());
		try (KafkaProducer<Msisdn, LineRecord> producer = new KafkaProducer<>(cluster.producerProperties(),
				Topics.LINES.keySerde().serializer(), Topics.LINES.valueSerde().serializer())) {
			producer.send(new ProducerRecord<>(Topics.LINES.name(), msisdn, line)).get();
		}
		String pay = "/pay/" + this.signer.issue(LinkPurpose.PAY, new CycleId(msisdn, validUntil), Duration.ofDays(1));

		HttpResponse<String> toCheckout = await().atMost(Duration.ofSeconds(30))
			.until(() -> get(pay), (response) -> response.statusCode() == 303);
		String checkoutUrl = toCheckout.headers().firstValue("Location").orElseThrow();
		HttpResponse<String> page = get(URI.create(checkoutUrl).getPath());
		HttpResponse<String> completed = this.http.send(HttpRequest.newBuilder(URI.create(checkoutUrl + "/complete"))
			.POST(HttpRequest.BodyPublishers.noBody())
			.build(), HttpResponse.BodyHandlers.ofString());

		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("OFFLINE SANDBOX", HolderFormat.of(HolderLocale.NL).money(line.price()),
				msisdn.masked());
		assertThat(completed.statusCode()).isEqualTo(303);
		assertThat(completed.headers().firstValue("Location"))
			.hasValueSatisfying((location) -> assertThat(location).contains("/status/").endsWith("?checkout=success"));
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(payments.values(PaymentSucceeded.class))
				.filteredOn((ok) -> ok.msisdn().equals(msisdn))
				.singleElement()
				.satisfies((ok) -> assertThat(ok.amount()).isEqualTo(Money.of(1000, "EUR"))));
		HttpResponse<String> status = await().atMost(Duration.ofSeconds(30))
			.until(() -> get(URI.create(completed.headers().firstValue("Location").orElseThrow()).getRawPath()
					+ "?checkout=success"), (response) -> response.body().contains("Betaling ontvangen"));
		assertThat(status.body()).contains("Bedankt!");
	}

	private HttpResponse<String> get(String path) throws IOException, InterruptedException {
		return this.http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build(),
				HttpResponse.BodyHandlers.ofString());
	}

}
