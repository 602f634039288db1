package io.keepline.support;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import io.keepline.contracts.topic.Topics;
import io.keepline.support.kafka.DeadLetters;
import io.keepline.support.kafka.KafkaClients;
import io.keepline.testsupport.KafkaCluster;
import io.keepline.testsupport.RealKafka;
import io.keepline.testsupport.TopicProbe;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.support.KafkaHeaders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The support module as a service gets it, started by Spring Boot against a real broker.
 */
@RealKafka
class ServiceSupportIntegrationTest {

	@Test
	void clientPolicyComesFromTheDefaultsAndYieldsToTheServicesOwnSettings(KafkaCluster cluster) {
		try (ConfigurableApplicationContext context = start(cluster, "--spring.kafka.consumer.auto-offset-reset=latest",
				"--spring.kafka.listener.concurrency=3")) {
			KafkaClients clients = context.getBean(KafkaClients.class);

			assertThat(clients.producerProperties()).containsEntry(ProducerConfig.ACKS_CONFIG, "all")
				.containsEntry(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
			assertThat(clients.consumerProperties())
				.containsEntry(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed")
				.containsEntry(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false)
				.containsEntry(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
			assertThat(clients.listenerFactory(Topics.DEADLINE_EVENTS).createContainer("t").getConcurrency())
				.isEqualTo(3);
		}
	}

	@Test
	void deadLettersKeepTheBytesAndPartitionAndNameTheGroupThatGaveUp(KafkaCluster cluster) throws Exception {
		try (Admin admin = Admin.create(cluster.adminProperties())) {
			admin.createTopics(List.of(Topics.LINE_EVENTS.newDeadLetterTopic())).all().get();
		}
		byte[] poison = "{not an event".getBytes(StandardCharsets.UTF_8);
		try (ConfigurableApplicationContext context = start(cluster);
				TopicProbe<String, String> deadLetters = TopicProbe.raw(cluster, Topics.LINE_EVENTS.deadLetter())) {
			context.getBean(DeadLetters.class)
				.recoverer("keepline-test-app")
				.accept(new ConsumerRecord<>(Topics.LINE_EVENTS.name(), 5, 42L, "+32470123456".getBytes(), poison),
						new IllegalStateException("unreadable"));

			await().untilAsserted(() -> assertThat(deadLetters.records()).singleElement().satisfies((record) -> {
				assertThat(record.partition()).isEqualTo(5);
				assertThat(record.value()).isEqualTo("{not an event");
				Header group = record.headers().lastHeader(KafkaHeaders.DLT_ORIGINAL_CONSUMER_GROUP);
				assertThat(new String(group.value(), StandardCharsets.UTF_8)).isEqualTo("keepline-test-app");
				assertThat(record.headers().headers(KafkaHeaders.DLT_ORIGINAL_CONSUMER_GROUP)).hasSize(1);
			}));
		}
	}

	private static ConfigurableApplicationContext start(KafkaCluster cluster, String... args) {
		return new SpringApplicationBuilder(Minimal.class).web(WebApplicationType.NONE)
			.properties(
					Map.of("spring.kafka.bootstrap-servers", cluster.bootstrapServers(), "spring.jmx.enabled", "false"))
			.run(args);
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class Minimal {

	}

}
