package io.keepline.testsupport;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import io.keepline.contracts.Msisdn;
import io.keepline.contracts.OperatorId;
import io.keepline.contracts.line.LineErased;
import io.keepline.contracts.line.LineEvent;
import io.keepline.contracts.topic.Topics;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serdes;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@RealKafka
class TopicProbeTest {

	@Test
	void readsCatalogueTopicsWithTheirSerdesAndSkipsUnreadableRecords(KafkaCluster cluster) throws Exception {
		Msisdn msisdn = Unique.msisdn();
		LineEvent event = new LineErased(UUID.randomUUID(), Instant.parse("2026-11-25T10:00:00Z"), msisdn,
				OperatorId.of("orange"));
		try (TopicProbe<Msisdn, LineEvent> probe = TopicProbe.of(cluster, Topics.LINE_EVENTS);
				KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(cluster.producerProperties(),
						new ByteArraySerializer(), new ByteArraySerializer())) {
			byte[] key = Serdes.String().serializer().serialize(null, msisdn.value());
			producer.send(new ProducerRecord<>(Topics.LINE_EVENTS.name(), key, "{not json".getBytes())).get();
			producer
				.send(new ProducerRecord<>(Topics.LINE_EVENTS.name(), key,
						Topics.LINE_EVENTS.valueSerde().serializer().serialize(null, event)))
				.get();

			await().atMost(Duration.ofSeconds(30)).until(() -> probe.values().contains(event));
			assertThat(probe.unreadable()).isGreaterThanOrEqualTo(1);
			assertThat(probe.records()).filteredOn((r) -> r.value().equals(event))
				.singleElement()
				.satisfies((r) -> assertThat(r.key()).isEqualTo(msisdn));
		}
	}

}
