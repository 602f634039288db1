package io.keepline.ingest.kafka;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.keepline.contracts.Msisdn;
import io.keepline.contracts.OperatorId;
import io.keepline.contracts.line.LineErased;
import io.keepline.contracts.line.LineEvent;
import io.keepline.contracts.linekey.ContactSealer;
import io.keepline.contracts.linekey.DataKey;
import io.keepline.contracts.topic.Topics;
import io.keepline.ingest.BatchNotPublishedException;
import io.keepline.testsupport.KafkaCluster;
import io.keepline.testsupport.RealKafka;
import io.keepline.testsupport.TopicProbe;
import io.keepline.testsupport.Unique;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;

import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * The publisher's promise on a real broker: a batch is visible to read_committed readers
 * whole or not at all, even when part of it had already reached the broker.
 */
@RealKafka
class KafkaEventPublisherTest {

	static final OperatorId ORANGE = OperatorId.of("orange");

	/** The data key of ingest's tests (src/test/resources/application.properties). */
	static final String TEST_DATA_KEY = "a2VlcGxpbmUtdGVzdC1vbmx5LWRhdGEta2V5LTAwMDE=";

	@Test
	void abortsABatchThatKafkaTookOnlyInPart(KafkaCluster cluster) {
		cluster.createTopics(Topics.LINE_EVENTS, Topics.REJECTED_EVENTS);
		Msisdn first = Unique.msisdn();
		Msisdn second = Unique.msisdn();
		Msisdn poison = Unique.msisdn();
		Msisdn afterwards = Unique.msisdn();
		PoisonPill.arm(poison.value().getBytes(StandardCharsets.UTF_8), 2);
		Map<String, Object> base = cluster.producerProperties();
		base.put(ProducerConfig.PARTITIONER_CLASS_CONFIG, PoisonPill.FailingPartitioner.class);
		base.put(ProducerConfig.INTERCEPTOR_CLASSES_CONFIG, PoisonPill.AckCounter.class.getName());
		base.put(ProducerConfig.LINGER_MS_CONFIG, 0);
		DefaultKafkaProducerFactory<byte[], byte[]> factory = IngestKafkaConfiguration.transactional(base,
				Unique.name("publisher-test") + "-");
		KafkaEventPublisher publisher = new KafkaEventPublisher(new KafkaTemplate<>(factory),
				new ContactSealer(DataKey.of(TEST_DATA_KEY), Clock.systemUTC()));
		// The first transactional producer of a fresh broker waits for the transaction
		// log.
		await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> {
			publisher.publish(List.of(erased(Unique.msisdn())), List.of());
			return true;
		});

		try (TopicProbe<Msisdn, LineEvent> committed = TopicProbe.of(cluster, Topics.LINE_EVENTS)) {
			assertThatExceptionOfType(BatchNotPublishedException.class)
				.isThrownBy(() -> publisher.publish(List.of(erased(first), erased(second), erased(poison)), List.of()))
				.withMessageContaining("poison pill");
			assertThat(PoisonPill.acknowledged.getCount()).as("the first two records reached the broker").isZero();
			assertThat(keysInLog(cluster, Set.of(first.value(), second.value())))
				.as("read_uncommitted sees them in the log")
				.containsExactlyInAnyOrder(first.value(), second.value());

			publisher.publish(List.of(erased(afterwards)), List.of());

			await().atMost(Duration.ofSeconds(30))
				.until(() -> committed.records().stream().anyMatch((r) -> afterwards.equals(r.key())));
			assertThat(committed.records()).extracting(ConsumerRecord::key).doesNotContain(first, second, poison);
		}
		finally {
			PoisonPill.arm(new byte[0], 0);
			factory.destroy();
		}
	}

	static LineErased erased(Msisdn msisdn) {
		return new LineErased(UUID.randomUUID(), Instant.now(), msisdn, ORANGE);
	}

	static List<String> keysInLog(KafkaCluster cluster, Set<String> wanted) {
		Map<String, Object> properties = cluster.consumerProperties(Unique.name("uncommitted"));
		properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_uncommitted");
		List<String> found = new ArrayList<>();
		try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(properties, new ByteArrayDeserializer(),
				new ByteArrayDeserializer())) {
			consumer.subscribe(List.of(Topics.LINE_EVENTS.name()));
			await().atMost(Duration.ofSeconds(30)).until(() -> {
				consumer.poll(Duration.ofMillis(200)).forEach((record) -> {
					String key = new String(record.key(), StandardCharsets.UTF_8);
					if (wanted.contains(key)) {
						found.add(key);
					}
				});
				return found.size() == wanted.size();
			});
		}
		return found;
	}

}
