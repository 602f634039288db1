package io.keepline.scheduler;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.keepline.contracts.Msisdn;
import io.keepline.contracts.deadline.AutoRenewalDue;
import io.keepline.contracts.deadline.DeadlineEvent;
import io.keepline.contracts.deadline.ReminderDue;
import io.keepline.contracts.deadline.ReminderTrigger;
import io.keepline.contracts.deadline.RenewalConfirmed;
import io.keepline.contracts.line.LineEvent;
import io.keepline.contracts.line.ReminderResendRequested;
import io.keepline.contracts.linerecord.AutoRenewal;
import io.keepline.contracts.linerecord.CycleState;
import io.keepline.contracts.linerecord.LineRecord;
import io.keepline.contracts.payment.AutoRenewalStopped;
import io.keepline.contracts.payment.PaymentEvent;
import io.keepline.contracts.topic.Topics;
import io.keepline.scheduler.engine.Fixtures;
import io.keepline.testsupport.KafkaCluster;
import io.keepline.testsupport.MutableClock;
import io.keepline.testsupport.RealKafka;
import io.keepline.testsupport.TopicProbe;
import io.keepline.testsupport.Unique;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The scheduler on a real broker: exactly-once Streams from line and payment events to
 * deadline events and line records, dead letters for unreadable input, the read API and
 * health.
 */
@RealKafka
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "keepline.operators.keys=orange=orange-test-key-1,proximus=proximus-test-key-1",
				"spring.kafka.streams.application-id=scheduler-it-${random.uuid}",
				"spring.kafka.streams.state-dir=target/scheduler-it-${random.uuid}",
				"spring.kafka.streams.properties.application.server=",
				"spring.kafka.streams.properties.num.standby.replicas=0" })
class SchedulerApplicationTest {

	private static final Instant NOW = Instant.parse("2027-03-10T11:00:00Z");

	private static final LocalDate VALID_UNTIL = LocalDate.parse("2027-03-15");

	@LocalServerPort
	int port;

	@LocalManagementPort
	int managementPort;

	@BeforeAll
	static void topics(KafkaCluster cluster) {
		cluster.createTopics(Topics.LINE_EVENTS, Topics.PAYMENT_EVENTS, Topics.DEADLINE_EVENTS, Topics.LINES);
	}

	@Test
	void remindsConfirmsAndAnswersForTheOwningOperator(KafkaCluster cluster) throws Exception {
		Msisdn line = Unique.msisdn();
		try (TopicProbe<Msisdn, DeadlineEvent> deadlines = TopicProbe.of(cluster, Topics.DEADLINE_EVENTS);
				KafkaProducer<Msisdn, LineEvent> lines = producer(cluster, Topics.LINE_EVENTS.keySerde().serializer(),
						Topics.LINE_EVENTS.valueSerde().serializer());
				KafkaProducer<Msisdn, PaymentEvent> payments = producer(cluster,
						Topics.PAYMENT_EVENTS.keySerde().serializer(),
						Topics.PAYMENT_EVENTS.valueSerde().serializer())) {
			lines
				.send(new ProducerRecord<>(Topics.LINE_EVENTS.name(), line,
						Fixtures.registered(line, VALID_UNTIL, "Europe/Brussels", NOW)))
				.get();
			await().atMost(Duration.ofSeconds(90))
				.untilAsserted(() -> assertThat(of(deadlines, line, ReminderDue.class)).singleElement()
					.satisfies((reminder) -> {
						assertThat(reminder.stage()).isEqualTo(7);
						assertThat(reminder.trigger()).isEqualTo(ReminderTrigger.CATCH_UP);
					}));
			payments
				.send(new ProducerRecord<>(Topics.PAYMENT_EVENTS.name(), line,
						Fixtures.paid(line, VALID_UNTIL, "pi_" + line.value().substring(1), NOW)))
				.get();
			await().atMost(Duration.ofSeconds(30))
				.untilAsserted(() -> assertThat(of(deadlines, line, RenewalConfirmed.class)).hasSize(1));
			assertThat(get("/v1/lines/" + line.value(), "orange-test-key-1"))
				.satisfies((response) -> assertThat(response.statusCode()).isEqualTo(200))
				.satisfies((response) -> assertThat(response.body()).contains("\"state\":\"RENEWED\"")
					.contains("\"validUntil\":\"2027-03-15\"")
					.contains("{\"kind\":\"REMINDER\",\"stage\":7,\"skipped\":false}")
					.contains("{\"kind\":\"CONFIRMATION\",\"stage\":0,\"skipped\":false}")
					.doesNotContain("example.com"));
			assertThat(get("/v1/lines/" + line.value(), "proximus-test-key-1").statusCode()).isEqualTo(403);
			Msisdn unknown = Unique.msisdn();
			assertThat(get("/v1/lines/" + unknown.value(), "orange-test-key-1"))
				.satisfies((response) -> assertThat(response.statusCode()).isEqualTo(404))
				.satisfies((response) -> assertThat(response.headers().firstValue("Content-Type"))
					.hasValue("application/problem+json"))
				.satisfies((response) -> assertThat(response.body()).contains("unknown line")
					.doesNotContain(unknown.value().substring(1)));
			assertThat(get("/v1/lines/" + line.value(), "wrong-key-0000000").statusCode()).isEqualTo(401);
			assertThat(management("/actuator/health").body()).contains("\"status\":\"UP\"");
			assertThat(management("/actuator/health/readiness").body()).contains("\"status\":\"UP\"")
				.contains("\"streams\"");
		}
	}

	@Test
	void publishesTheLineRecordOfARegistrationAnExtensionAndAnErasure(KafkaCluster cluster) throws Exception {
		Msisdn line = Unique.msisdn();
		LocalDate extended = VALID_UNTIL.plusYears(1);
		try (TopicProbe<Msisdn, LineRecord> records = TopicProbe.of(cluster, Topics.LINES);
				KafkaProducer<Msisdn, LineEvent> lines = producer(cluster, Topics.LINE_EVENTS.keySerde().serializer(),
						Topics.LINE_EVENTS.valueSerde().serializer())) {
			lines
				.send(new ProducerRecord<>(Topics.LINE_EVENTS.name(), line,
						Fixtures.registered(line, VALID_UNTIL, "Europe/Brussels", NOW)))
				.get();
			await().atMost(Duration.ofSeconds(90))
				.untilAsserted(() -> assertThat(of(records, line)).singleElement().satisfies((record) -> {
					assertThat(record.validUntil()).isEqualTo(VALID_UNTIL);
					assertThat(record.cycleState()).isEqualTo(CycleState.OPEN);
					assertThat(record.registeredAt()).isEqualTo(NOW);
					assertThat(record.holder().email()).isEqualTo("li@example.com");
				}));
			lines.send(new ProducerRecord<>(Topics.LINE_EVENTS.name(), line, Fixtures.extended(line, extended, NOW)))
				.get();
			await().atMost(Duration.ofSeconds(30))
				.untilAsserted(() -> assertThat(of(records, line)).hasSize(2)
					.last()
					.satisfies((record) -> assertThat(record.validUntil()).isEqualTo(extended)));
			lines.send(new ProducerRecord<>(Topics.LINE_EVENTS.name(), line, Fixtures.erased(line, NOW))).get();
			await().atMost(Duration.ofSeconds(30))
				.untilAsserted(() -> assertThat(of(records, line)).hasSize(3).last().isNull());
		}
	}

	/**
	 * Two lines with a saved card whose operator allows automatic renewal only once the
	 * first charge is already due: the one whose holder turned it off first is never
	 * charged and its reminder offers a pay link; the other is charged at once.
	 */
	@Test
	void aHolderWhoTurnedAutomaticRenewalOffIsNotChargedAndIsRemindedWithAPayLink(KafkaCluster cluster)
			throws Exception {
		Msisdn stopped = Unique.msisdn();
		Msisdn charged = Unique.msisdn();
		LocalDate dueSoon = LocalDate.parse("2027-03-12");
		try (TopicProbe<Msisdn, DeadlineEvent> deadlines = TopicProbe.of(cluster, Topics.DEADLINE_EVENTS);
				TopicProbe<Msisdn, LineRecord> records = TopicProbe.of(cluster, Topics.LINES);
				KafkaProducer<Msisdn, LineEvent> lines = producer(cluster, Topics.LINE_EVENTS.keySerde().serializer(),
						Topics.LINE_EVENTS.valueSerde().serializer());
				KafkaProducer<Msisdn, PaymentEvent> payments = producer(cluster,
						Topics.PAYMENT_EVENTS.keySerde().serializer(),
						Topics.PAYMENT_EVENTS.valueSerde().serializer())) {
			for (Msisdn line : List.of(stopped, charged)) {
				lines
					.send(new ProducerRecord<>(Topics.LINE_EVENTS.name(), line,
							Fixtures.registered(line, dueSoon, "Europe/Brussels", NOW)))
					.get();
				payments.send(new ProducerRecord<>(Topics.PAYMENT_EVENTS.name(), line, Fixtures.cardSaved(line, NOW)))
					.get();
			}
			payments
				.send(new ProducerRecord<>(Topics.PAYMENT_EVENTS.name(), stopped,
						new AutoRenewalStopped(UUID.randomUUID(), NOW, stopped, NOW)))
				.get();
			for (Msisdn line : List.of(stopped, charged)) {
				lines
					.send(new ProducerRecord<>(Topics.LINE_EVENTS.name(), line,
							Fixtures.updated(line, null, null, true, NOW)))
					.get();
			}
			await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
				assertThat(of(deadlines, charged, AutoRenewalDue.class)).hasSize(1);
				assertThat(of(records, stopped)).last()
					.satisfies(
							(record) -> assertThat(record.autoRenewal()).isEqualTo(new AutoRenewal(true, false, null)));
			});
			for (Msisdn line : List.of(stopped, charged)) {
				lines
					.send(new ProducerRecord<>(Topics.LINE_EVENTS.name(), line,
							new ReminderResendRequested(UUID.randomUUID(), NOW, line, Fixtures.ORANGE, dueSoon)))
					.get();
			}
			await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
				assertThat(resent(deadlines, stopped)).singleElement()
					.satisfies((reminder) -> assertThat(reminder.plannedCharge()).isNull());
				assertThat(resent(deadlines, charged)).singleElement()
					.satisfies((reminder) -> assertThat(reminder.plannedCharge()).isNotNull());
			});
			assertThat(of(deadlines, stopped, AutoRenewalDue.class)).isEmpty();
		}
	}

	@Test
	void sendsUnreadableInputToTheDeadLetterTopicAndGoesOn(KafkaCluster cluster) throws Exception {
		Msisdn poisoned = Unique.msisdn();
		Msisdn line = Unique.msisdn();
		String marker = "poison-" + poisoned.value();
		try (TopicProbe<String, String> deadLetters = TopicProbe.raw(cluster, Topics.LINE_EVENTS.deadLetter());
				TopicProbe<Msisdn, DeadlineEvent> deadlines = TopicProbe.of(cluster, Topics.DEADLINE_EVENTS);
				KafkaProducer<byte[], byte[]> raw = producer(cluster, new ByteArraySerializer(),
						new ByteArraySerializer());
				KafkaProducer<Msisdn, LineEvent> lines = producer(cluster, Topics.LINE_EVENTS.keySerde().serializer(),
						Topics.LINE_EVENTS.valueSerde().serializer())) {
			raw.send(new ProducerRecord<>(Topics.LINE_EVENTS.name(), poisoned.value().getBytes(),
					("{\"type\":\"" + marker + "\"}").getBytes()))
				.get();
			lines
				.send(new ProducerRecord<>(Topics.LINE_EVENTS.name(), line,
						Fixtures.registered(line, VALID_UNTIL, "Europe/Brussels", NOW)))
				.get();
			await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
				assertThat(deadLetters.values()).anyMatch((value) -> value.contains(marker));
				assertThat(of(deadlines, line, ReminderDue.class)).hasSize(1);
			});
		}
	}

	@Test
	void errorAnswersDoNotEchoTheNumberInThePath() throws Exception {
		Msisdn line = Unique.msisdn();
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/v1/lines/" + line.value()))
				.DELETE()
				.build(), HttpResponse.BodyHandlers.ofString());

		assertThat(response.statusCode()).isEqualTo(405);
		assertThat(response.body()).contains("Method Not Allowed").doesNotContain(line.value().substring(1));
	}

	private static <T extends DeadlineEvent> List<T> of(TopicProbe<Msisdn, DeadlineEvent> probe, Msisdn line,
			Class<T> type) {
		return probe.values(type).stream().filter((event) -> event.msisdn().equals(line)).toList();
	}

	private static List<ReminderDue> resent(TopicProbe<Msisdn, DeadlineEvent> probe, Msisdn line) {
		return of(probe, line, ReminderDue.class).stream()
			.filter((reminder) -> reminder.trigger() == ReminderTrigger.RESEND)
			.toList();
	}

	/** The values of the line's records, null for a tombstone. */
	private static List<LineRecord> of(TopicProbe<Msisdn, LineRecord> probe, Msisdn line) {
		return probe.records()
			.stream()
			.filter((record) -> record.key().equals(line))
			.map(ConsumerRecord::value)
			.toList();
	}

	@Test
	void servesActuatorOnTheManagementPortOnly() throws Exception {
		for (String path : List.of("/actuator/health", "/actuator/prometheus")) {
			await(path + " on the management port").atMost(Duration.ofSeconds(90))
				.until(() -> management(path).statusCode() == 200);
			assertThat(get(path, "orange-test-key-1").statusCode()).as("%s on the public port", path).isEqualTo(404);
		}
	}

	private HttpResponse<String> management(String path) throws Exception {
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.managementPort + path)).build(),
					HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> get(String path, String key) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path));
		if (key != null) {
			request.header("Authorization", "Bearer " + key);
		}
		return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static <K, V> KafkaProducer<K, V> producer(KafkaCluster cluster,
			org.apache.kafka.common.serialization.Serializer<K> keys,
			org.apache.kafka.common.serialization.Serializer<V> values) {
		Map<String, Object> properties = cluster.producerProperties();
		return new KafkaProducer<>(properties, keys, values);
	}

	@TestConfiguration
	static class FixedClock {

		@Bean
		@Primary
		Clock testClock() {
			return new MutableClock(NOW);
		}

	}

}
