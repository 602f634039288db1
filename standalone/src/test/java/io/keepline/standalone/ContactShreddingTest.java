package io.keepline.standalone;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import io.keepline.contracts.Holder;
import io.keepline.contracts.HolderLocale;
import io.keepline.contracts.Money;
import io.keepline.contracts.Msisdn;
import io.keepline.contracts.OperatorId;
import io.keepline.contracts.PaymentMethodRef;
import io.keepline.contracts.line.HolderUpdated;
import io.keepline.contracts.line.LineErased;
import io.keepline.contracts.line.LineEvent;
import io.keepline.contracts.line.LineRegistered;
import io.keepline.contracts.linekey.CardSealer;
import io.keepline.contracts.linekey.ContactSealer;
import io.keepline.contracts.linekey.DataKey;
import io.keepline.contracts.linekey.LineEventSerde;
import io.keepline.contracts.linekey.LineKey;
import io.keepline.contracts.linekey.LineKeyId;
import io.keepline.contracts.linekey.PaymentEventSerde;
import io.keepline.contracts.linekey.SealedEvent;
import io.keepline.contracts.linekey.StoredKeyring;
import io.keepline.contracts.linerecord.LineRecord;
import io.keepline.contracts.linerecord.SavedMethod;
import io.keepline.contracts.payment.PaymentEvent;
import io.keepline.contracts.payment.PaymentMethodSaved;
import io.keepline.contracts.topic.Topics;
import io.keepline.payments.webhook.KafkaPaymentEventPublisher;
import io.keepline.standalone.seed.IngestClient;
import io.keepline.testsupport.KafkaCluster;
import io.keepline.testsupport.TopicProbe;
import io.keepline.testsupport.Unique;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Crypto-shredding on the running pipeline: a contact registered through ingest's HTTP
 * API is on line-events only sealed and in the line record in plain, as is a card saved
 * through payments on payment-events; once the line is erased every key of the line, also
 * one a second writer made, is tombstoned and a fresh reader no longer opens the line's
 * events.
 */
@ExtendWith(RunningPipeline.class)
class ContactShreddingTest {

	private static final Duration PATIENCE = Duration.ofSeconds(60);

	private static final OperatorId ORANGE = OperatorId.of("orange");

	@Test
	void anErasedLinesContactIsSealedOnLineEventsAndUnreadableOnceItsKeysAreShredded(Pipeline pipeline)
			throws Exception {
		KafkaCluster cluster = DemoLines.cluster(pipeline);
		DataKey dataKey = DataKey.of(SecretFile.readOrCreate(pipeline.settings().dataDir(), SecretFile.DATA_KEY));
		Holder holder = canaryHolder();
		Holder moved = canaryHolder();
		Msisdn msisdn = Unique.msisdn();
		try (TopicProbe<String, String> rawLineEvents = TopicProbe.raw(cluster, Topics.LINE_EVENTS.name());
				TopicProbe<LineKeyId, LineKey> keys = TopicProbe.of(cluster, Topics.LINE_KEYS);
				TopicProbe<Msisdn, LineRecord> records = TopicProbe.of(cluster, Topics.LINES)) {
			post(pipeline, registration(msisdn, holder));
			await().atMost(PATIENCE).until(() -> latest(records, msisdn) != null);
			assertThat(latest(records, msisdn).holder()).as("the line record keeps the contact in plain")
				.isEqualTo(holder);

			LineKeyId secondWritersKey = writeAsASecondWriter(cluster, dataKey,
					new HolderUpdated(UUID.randomUUID(), null, msisdn, ORANGE, moved, null, null));
			await().atMost(PATIENCE).untilAsserted(() -> assertThat(latest(records, msisdn).holder()).isEqualTo(moved));
			List<String> lineEvents = rawLineEvents.records()
				.stream()
				.filter((record) -> msisdn.value().equals(record.key()))
				.map(ConsumerRecord::value)
				.toList();
			assertThat(lineEvents).hasSize(2).allSatisfy((json) -> {
				assertThat(json).contains("\"sealed\"");
				assertThat(json).doesNotContain(canaries(holder)).doesNotContain(canaries(moved));
			});
			List<LineKeyId> lineKeys = keys.records()
				.stream()
				.map(ConsumerRecord::key)
				.filter((id) -> id.msisdn().equals(msisdn))
				.toList();
			assertThat(lineKeys).hasSize(2).contains(secondWritersKey);

			post(pipeline, new LineErased(UUID.randomUUID(), null, msisdn, ORANGE));

			await().atMost(PATIENCE)
				.untilAsserted(() -> assertThat(keys.records()).filteredOn((record) -> record.value() == null)
					.extracting(ConsumerRecord::key)
					.containsAll(lineKeys));
			await().atMost(PATIENCE)
				.until(() -> records.records()
					.stream()
					.anyMatch((record) -> record.key().equals(msisdn) && record.value() == null));
			assertThat(readFresh(cluster, dataKey, msisdn, lineKeys)).hasSize(3)
				.filteredOn((event) -> !(event instanceof LineErased))
				.allSatisfy((event) -> assertThat(holderOf(event).contactKnown()).isFalse());
		}
	}

	@Test
	void anErasedLinesSavedCardIsSealedOnPaymentEventsAndUnreadableOnceItsKeysAreShredded(Pipeline pipeline)
			throws Exception {
		KafkaCluster cluster = DemoLines.cluster(pipeline);
		DataKey dataKey = DataKey.of(SecretFile.readOrCreate(pipeline.settings().dataDir(), SecretFile.DATA_KEY));
		Msisdn msisdn = Unique.msisdn();
		String canary = UUID.randomUUID().toString().substring(0, 8);
		PaymentMethodRef card = new PaymentMethodRef("cus_" + canary, "pm_" + canary, "brand-" + canary, "4971", 7,
				2039);
		try (TopicProbe<String, String> rawPayments = TopicProbe.raw(cluster, Topics.PAYMENT_EVENTS.name());
				TopicProbe<LineKeyId, LineKey> keys = TopicProbe.of(cluster, Topics.LINE_KEYS);
				TopicProbe<Msisdn, LineRecord> records = TopicProbe.of(cluster, Topics.LINES)) {
			post(pipeline, registration(msisdn, canaryHolder()));
			await().atMost(PATIENCE).until(() -> latest(records, msisdn) != null);

			publishAsPayments(cluster, dataKey,
					new PaymentMethodSaved(UUID.randomUUID(), Instant.now(), msisdn, card, "seti_" + canary, null));

			await().atMost(PATIENCE)
				.untilAsserted(() -> assertThat(latest(records, msisdn).autoRenewal().method())
					.as("the scheduler opened the card into the line record")
					.isEqualTo(new SavedMethod("brand-" + canary, "4971", 7, 2039)));
			assertThat(rawPayments.records()).filteredOn((record) -> msisdn.value().equals(record.key()))
				.singleElement()
				.satisfies((record) -> assertThat(record.value()).contains("\"sealed\"", "pm_" + canary)
					.doesNotContain("brand-" + canary, "\"last4\"", "\"expMonth\"", "\"expYear\""));
			List<LineKeyId> lineKeys = keys.records()
				.stream()
				.map(ConsumerRecord::key)
				.filter((id) -> id.msisdn().equals(msisdn))
				.toList();
			assertThat(lineKeys).as("the contact's key and the card's").hasSize(2);
			assertThat(readCardsFresh(cluster, dataKey, msisdn)).containsExactly(card);

			post(pipeline, new LineErased(UUID.randomUUID(), null, msisdn, ORANGE));

			await().atMost(PATIENCE)
				.untilAsserted(() -> assertThat(keys.records()).filteredOn((record) -> record.value() == null)
					.extracting(ConsumerRecord::key)
					.containsAll(lineKeys));
			assertThat(readCardsFresh(cluster, dataKey, msisdn)).containsExactly(card.withoutCard());
		}
	}

	@Test
	void aPlainRecordWrittenBeforeSealingIsStillReadWithItsContact(Pipeline pipeline) throws Exception {
		KafkaCluster cluster = DemoLines.cluster(pipeline);
		Holder holder = canaryHolder();
		Msisdn msisdn = Unique.msisdn();
		try (TopicProbe<Msisdn, LineRecord> records = TopicProbe.of(cluster, Topics.LINES);
				KafkaProducer<Msisdn, LineEvent> legacy = new KafkaProducer<>(cluster.producerProperties(),
						Topics.LINE_EVENTS.keySerde().serializer(), Topics.LINE_EVENTS.valueSerde().serializer())) {
			legacy
				.send(new ProducerRecord<>(Topics.LINE_EVENTS.name(), msisdn,
						registration(msisdn, holder).receivedAt(Instant.now())))
				.get();

			await().atMost(PATIENCE).until(() -> latest(records, msisdn) != null);
			assertThat(latest(records, msisdn).holder()).isEqualTo(holder);
		}
	}

	private static LineRegistered registration(Msisdn msisdn, Holder holder) {
		return new LineRegistered(UUID.randomUUID(), null, msisdn, ORANGE, "orange-prepaid-15",
				LocalDate.now(ZoneId.of("Europe/Brussels")).plusDays(60), Money.of(1500, "EUR"), holder, List.of(1),
				false);
	}

	private static Holder canaryHolder() {
		String canary = UUID.randomUUID().toString().substring(0, 8);
		return new Holder("Canary " + canary, "canary-" + canary + "@example.com", Unique.msisdn(),
				URI.create("https://canary-" + canary + ".example.com/hook"), HolderLocale.EN,
				ZoneId.of("Europe/Brussels"));
	}

	private static String[] canaries(Holder holder) {
		return new String[] { holder.name(), holder.email(), holder.sms().value(), holder.webhookUrl().getHost() };
	}

	private static void post(Pipeline pipeline, LineEvent event) {
		IngestClient.Outcome outcome = new IngestClient(StandaloneSettings.url(pipeline.settings().ports().ingest()))
			.post(List.of(event), "demo-orange-key");
		assertThat(outcome.accepted()).as("accepted by ingest: %s", outcome.errors()).isOne();
	}

	/** Seals as another ingest instance would: its own new key, written first. */
	private static LineKeyId writeAsASecondWriter(KafkaCluster cluster, DataKey dataKey, LineEvent event)
			throws Exception {
		SealedEvent sealed = new ContactSealer(dataKey, Clock.systemUTC()).seal(event.receivedAt(Instant.now()));
		try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(cluster.producerProperties(),
				new ByteArraySerializer(), new ByteArraySerializer())) {
			producer
				.send(new ProducerRecord<>(Topics.LINE_KEYS.name(),
						Topics.LINE_KEYS.keySerde().serializer().serialize(null, sealed.keyId()),
						Topics.LINE_KEYS.valueSerde().serializer().serialize(null, sealed.key())))
				.get();
			producer
				.send(new ProducerRecord<>(Topics.LINE_EVENTS.name(),
						Topics.LINE_EVENTS.keySerde().serializer().serialize(null, event.msisdn()), sealed.value()))
				.get();
		}
		return sealed.keyId();
	}

	/**
	 * The line's events as a reader that starts now reads them: the key topic read from
	 * its start into a map, the events opened with it.
	 */
	private static List<LineEvent> readFresh(KafkaCluster cluster, DataKey dataKey, Msisdn msisdn,
			List<LineKeyId> shredded) {
		Map<LineKeyId, LineKey> keys = new HashMap<>();
		try (TopicProbe<LineKeyId, LineKey> keyTopic = TopicProbe.of(cluster, Topics.LINE_KEYS);
				TopicProbe<String, String> events = TopicProbe.raw(cluster, Topics.LINE_EVENTS.name())) {
			await().atMost(PATIENCE)
				.until(() -> events.records()
					.stream()
					.filter((record) -> msisdn.value().equals(record.key()))
					.count() == 3);
			await().atMost(PATIENCE)
				.until(() -> keyTopic.records()
					.stream()
					.filter((record) -> record.value() == null)
					.map(ConsumerRecord::key)
					.toList()
					.containsAll(shredded));
			keyTopic.records().forEach((record) -> {
				if (record.value() == null) {
					keys.remove(record.key());
				}
				else {
					keys.put(record.key(), record.value());
				}
			});
			LineEventSerde fresh = new LineEventSerde(
					new StoredKeyring(keys::get, dataKey, Clock.systemUTC(), Duration.ZERO));
			return events.records()
				.stream()
				.filter((record) -> msisdn.value().equals(record.key()))
				.map((record) -> fresh.deserialize(Topics.LINE_EVENTS.name(),
						record.value().getBytes(StandardCharsets.UTF_8)))
				.toList();
		}
	}

	/** Publishes as payments does: the card sealed, its key written first. */
	private static void publishAsPayments(KafkaCluster cluster, DataKey dataKey, PaymentEvent event) {
		DefaultKafkaProducerFactory<byte[], byte[]> producer = new DefaultKafkaProducerFactory<>(
				new HashMap<>(cluster.producerProperties()), new ByteArraySerializer(), new ByteArraySerializer());
		try {
			new KafkaPaymentEventPublisher(new KafkaTemplate<>(producer), new CardSealer(dataKey, Clock.systemUTC()),
					PATIENCE)
				.publish(event);
		}
		finally {
			producer.destroy();
		}
	}

	/**
	 * The cards saved for the line as a reader that starts now reads them: the key topic
	 * read from its start into a map, the events opened with it.
	 */
	private static List<PaymentMethodRef> readCardsFresh(KafkaCluster cluster, DataKey dataKey, Msisdn msisdn) {
		Map<LineKeyId, LineKey> keys = new HashMap<>();
		try (TopicProbe<LineKeyId, LineKey> keyTopic = TopicProbe.of(cluster, Topics.LINE_KEYS);
				TopicProbe<String, String> events = TopicProbe.raw(cluster, Topics.PAYMENT_EVENTS.name())) {
			await().atMost(PATIENCE)
				.until(() -> events.records().stream().anyMatch((record) -> msisdn.value().equals(record.key())));
			keyTopic.records().forEach((record) -> {
				if (record.value() == null) {
					keys.remove(record.key());
				}
				else {
					keys.put(record.key(), record.value());
				}
			});
			PaymentEventSerde fresh = new PaymentEventSerde(
					new StoredKeyring(keys::get, dataKey, Clock.systemUTC(), Duration.ZERO));
			return events.records()
				.stream()
				.filter((record) -> msisdn.value().equals(record.key()))
				.map((record) -> fresh.deserialize(Topics.PAYMENT_EVENTS.name(),
						record.value().getBytes(StandardCharsets.UTF_8)))
				.map((event) -> ((PaymentMethodSaved) event).paymentMethod())
				.toList();
		}
	}

	private static Holder holderOf(LineEvent event) {
		if (event instanceof LineRegistered registered) {
			return registered.holder();
		}
		if (event instanceof HolderUpdated updated) {
			return updated.holder();
		}
		throw new AssertionError("no holder on " + event);
	}

	private static LineRecord latest(TopicProbe<Msisdn, LineRecord> records, Msisdn msisdn) {
		return records.records()
			.stream()
			.filter((record) -> record.key().equals(msisdn))
			.map(ConsumerRecord::value)
			.filter(Objects::nonNull)
			.reduce((first, second) -> second)
			.orElse(null);
	}

}
