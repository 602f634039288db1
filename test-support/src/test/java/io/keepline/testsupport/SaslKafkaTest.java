package io.keepline.testsupport;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourceType;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class SaslKafkaTest {

	private static SaslKafka kafka;

	@BeforeAll
	static void start() {
		kafka = SaslKafka.start(Map.of("alice", "alice-secret"));
		kafka.createTopics("granted.alice.topic", "not-granted.topic");
		kafka.allow("alice", ResourceType.TOPIC, "granted.alice.", PatternType.PREFIXED, AclOperation.WRITE);
	}

	@AfterAll
	static void stop() {
		kafka.close();
	}

	@Test
	void aUserWritesOnlyWhereAnAclAllowsIt() throws Exception {
		try (KafkaProducer<String, String> producer = producer(kafka.as("alice"))) {
			assertThat(producer.send(new ProducerRecord<>("granted.alice.topic", "k", "v")).get().offset()).isZero();
			assertThatExceptionOfType(ExecutionException.class)
				.isThrownBy(() -> producer.send(new ProducerRecord<>("not-granted.topic", "k", "v")).get())
				.withCauseInstanceOf(TopicAuthorizationException.class);
		}
	}

	@Test
	void refusesAWrongPassword() {
		Map<String, Object> properties = kafka.as("alice").producerProperties();
		properties.put("sasl.jaas.config",
				"org.apache.kafka.common.security.plain.PlainLoginModule required username=\"alice\" password=\"x\";");
		properties.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000);
		try (KafkaProducer<String, String> producer = new KafkaProducer<>(properties, new StringSerializer(),
				new StringSerializer())) {
			assertThatExceptionOfType(Exception.class)
				.isThrownBy(() -> producer.send(new ProducerRecord<>("granted.alice.topic", "k", "v")).get())
				.satisfies((ex) -> assertThat(ex.toString()).contains("Authentication"));
		}
	}

	private static KafkaProducer<String, String> producer(KafkaCluster cluster) {
		Map<String, Object> properties = cluster.producerProperties();
		properties.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) Duration.ofSeconds(10).toMillis());
		return new KafkaProducer<>(properties, new StringSerializer(), new StringSerializer());
	}

}
