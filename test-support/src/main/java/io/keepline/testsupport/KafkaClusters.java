package io.keepline.testsupport;

import java.util.Locale;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;

/**
 * Chooses the broker for a test run: {@code KAFKA_BOOTSTRAP_SERVERS} when set, else a
 * Testcontainers {@code apache/kafka-native} when Docker is available, else one in-JVM
 * KRaft broker. {@code KEEPLINE_TEST_KAFKA} ({@code external}, {@code docker} or
 * {@code embedded}) forces a choice.
 */
final class KafkaClusters {

	/** The native image of the same Kafka version the Boot parent manages. */
	static final String KAFKA_IMAGE = "apache/kafka-native:4.1.2";

	/**
	 * Settings a single-broker cluster needs: without the transaction-state ones every
	 * transactional producer and exactly-once Streams application hangs on
	 * InitProducerId.
	 */
	static final Map<String, String> SINGLE_BROKER_SETTINGS = Map.of("offsets.topic.replication.factor", "1",
			"transaction.state.log.replication.factor", "1", "transaction.state.log.min.isr", "1",
			"group.initial.rebalance.delay.ms", "0", "auto.create.topics.enable", "false");

	private static final Logger log = LoggerFactory.getLogger(KafkaClusters.class);

	private KafkaClusters() {
	}

	static KafkaCluster start() {
		String forced = setting("KEEPLINE_TEST_KAFKA");
		String external = setting("KAFKA_BOOTSTRAP_SERVERS");
		KafkaCluster cluster;
		if ("external".equals(forced) || (forced == null && external != null)) {
			cluster = new External(external);
		}
		else if ("docker".equals(forced) || (forced == null && dockerAvailable())) {
			cluster = Container.start();
		}
		else {
			cluster = Embedded.start();
		}
		log.info("Tests use {} at {}", cluster.description(), cluster.bootstrapServers());
		return cluster;
	}

	private static String setting(String name) {
		String value = System.getProperty(name, System.getenv(name));
		return (value == null || value.isBlank()) ? null : value.trim();
	}

	private static boolean dockerAvailable() {
		try {
			return DockerClientFactory.instance().isDockerAvailable();
		}
		catch (RuntimeException | LinkageError ex) {
			return false;
		}
	}

	private record External(String bootstrapServers) implements KafkaCluster {

		External {
			if (bootstrapServers == null) {
				throw new IllegalStateException("KEEPLINE_TEST_KAFKA=external needs KAFKA_BOOTSTRAP_SERVERS");
			}
		}

		@Override
		public String description() {
			return "the external cluster of KAFKA_BOOTSTRAP_SERVERS";
		}

		@Override
		public void close() {
		}

	}

	private record Container(KafkaContainer container) implements KafkaCluster {

		static Container start() {
			KafkaContainer container = new KafkaContainer(KAFKA_IMAGE);
			SINGLE_BROKER_SETTINGS.forEach((key, value) -> container
				.withEnv("KAFKA_" + key.toUpperCase(Locale.ROOT).replace('.', '_'), value));
			container.start();
			return new Container(container);
		}

		@Override
		public String bootstrapServers() {
			return this.container.getBootstrapServers();
		}

		@Override
		public String description() {
			return "a Testcontainers " + KAFKA_IMAGE + " broker";
		}

		@Override
		public void close() {
			this.container.stop();
		}

	}

	private record Embedded(EmbeddedKafkaKraftBroker broker) implements KafkaCluster {

		static Embedded start() {
			EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 3);
			broker.brokerProperties(SINGLE_BROKER_SETTINGS);
			broker.afterPropertiesSet();
			return new Embedded(broker);
		}

		@Override
		public String bootstrapServers() {
			return this.broker.getBrokersAsString();
		}

		@Override
		public String description() {
			return "an in-JVM KRaft broker";
		}

		@Override
		public void close() {
			this.broker.destroy();
		}

	}

}
