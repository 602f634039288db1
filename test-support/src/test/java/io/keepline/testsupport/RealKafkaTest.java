package io.keepline.testsupport;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@RealKafka
class RealKafkaTest {

	@Test
	void committedTransactionsAreVisibleAndAbortedOnesAreNot(KafkaCluster cluster) throws Exception {
		String topic = Unique.name("tx");
		cluster.createTopics(topic);

		try (KafkaProducer<String, String> producer = transactionalProducer(cluster)) {
			producer.initTransactions();
			producer.beginTransaction();
			producer.send(new ProducerRecord<>(topic, "k", "committed-1"));
			producer.send(new ProducerRecord<>(topic, "k", "committed-2"));
			producer.commitTransaction();
			producer.beginTransaction();
			producer.send(new ProducerRecord<>(topic, "k", "aborted")).get();
			producer.abortTransaction();
			producer.beginTransaction();
			producer.send(new ProducerRecord<>(topic, "k", "committed-3"));
			producer.commitTransaction();
		}

		List<String> seen = new ArrayList<>();
		try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(
				cluster.consumerProperties(Unique.name("tx-reader")), new StringDeserializer(),
				new StringDeserializer())) {
			consumer.subscribe(List.of(topic));
			await().atMost(Duration.ofSeconds(30)).until(() -> {
				consumer.poll(Duration.ofMillis(200))
					.forEach((ConsumerRecord<String, String> r) -> seen.add(r.value()));
				return seen.contains("committed-3");
			});
		}
		assertThat(seen).containsExactly("committed-1", "committed-2", "committed-3");
	}

	@Test
	void everyTestClassSharesOneBroker(KafkaCluster first, KafkaCluster second) {
		assertThat(first).isSameAs(second);
		assertThat(System.getProperty(RealKafkaExtension.BOOTSTRAP_PROPERTY)).isEqualTo(first.bootstrapServers());
	}

	private static KafkaProducer<String, String> transactionalProducer(KafkaCluster cluster) {
		Map<String, Object> properties = cluster.producerProperties();
		properties.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, Unique.name("tx-test"));
		return new KafkaProducer<>(properties, new StringSerializer(), new StringSerializer());
	}

}
