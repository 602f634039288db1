package io.keepline.standalone.broker;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.keepline.contracts.OperatorId;
import io.keepline.contracts.topic.Topic;
import io.keepline.contracts.topic.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

class KafkaBrokerTest {

	private static final Topic<String, byte[]> TOPIC = Topics.operatorEventsRaw(OperatorId.of("orange"));

	@TempDir
	Path dataDir;

	@Test
	void servesProducersAndConsumersAndKeepsRecordsAcrossRestarts() throws Exception {
		List<String> keys = List.of("a", "b", "c");
		String clusterId;
		try (KafkaBroker broker = new KafkaBroker(freeSettings())) {
			broker.start();
			clusterId = broker.clusterId();
			createTopic(broker);
			try (KafkaProducer<String, byte[]> producer = producer(broker, Map.of())) {
				for (String key : keys) {
					producer.send(record(key)).get();
				}
			}
			assertThat(consumeKeys(broker, "read_uncommitted", keys.size())).containsExactlyInAnyOrderElementsOf(keys);
		}
		try (KafkaBroker restarted = new KafkaBroker(freeSettings())) {
			restarted.start();
			assertThat(restarted.clusterId()).isEqualTo(clusterId);
			assertThat(consumeKeys(restarted, "read_uncommitted", keys.size()))
				.containsExactlyInAnyOrderElementsOf(keys);
		}
	}

	@Test
	void commitsTransactionsOnASingleBroker() throws Exception {
		try (KafkaBroker broker = new KafkaBroker(freeSettings())) {
			broker.start();
			createTopic(broker);
			Map<String, Object> transactional = Map.of(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "broker-test-tx",
					ProducerConfig.MAX_BLOCK_MS_CONFIG, 20_000);
			try (KafkaProducer<String, byte[]> producer = producer(broker, transactional)) {
				producer.initTransactions();
				producer.beginTransaction();
				producer.send(record("aborted"));
				producer.abortTransaction();
				producer.beginTransaction();
				producer.send(record("committed-1"));
				producer.send(record("committed-2"));
				producer.commitTransaction();
			}
			assertThat(consumeKeys(broker, "read_committed", 2)).containsExactlyInAnyOrder("committed-1",
					"committed-2");
		}
	}

	@Test
	void refusesToStartWhenThePortIsTaken() throws IOException {
		try (ServerSocket taken = new ServerSocket()) {
			taken.bind(new InetSocketAddress(BrokerSettings.HOST, 0));
			int port = taken.getLocalPort();
			KafkaBroker broker = new KafkaBroker(new BrokerSettings(port, freePort(), this.dataDir));
			assertThatThrownBy(broker::start).isInstanceOf(PortInUseException.class)
				.hasMessage("Kafka port " + port + " is already in use: stop the other process or set --kafka.port");
		}
	}

	@Test
	void refusesToStartWhenTheControllerPortIsTaken() throws IOException {
		try (ServerSocket taken = new ServerSocket()) {
			taken.bind(new InetSocketAddress(BrokerSettings.HOST, 0));
			int port = taken.getLocalPort();
			KafkaBroker broker = new KafkaBroker(new BrokerSettings(freePort(), port, this.dataDir));
			assertThatThrownBy(broker::start).isInstanceOf(PortInUseException.class)
				.hasMessageStartingWith("Kafka controller port " + port + " is already in use");
		}
	}

	private BrokerSettings freeSettings() throws IOException {
		int port = freePort();
		int controllerPort = freePort();
		while (controllerPort == port) {
			controllerPort = freePort();
		}
		return new BrokerSettings(port, controllerPort, this.dataDir);
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket()) {
			socket.bind(new InetSocketAddress(BrokerSettings.HOST, 0));
			return socket.getLocalPort();
		}
	}

	private static void createTopic(KafkaBroker broker) throws Exception {
		try (Admin admin = Admin
			.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
			NewTopic topic = new NewTopic(TOPIC.name(), TOPIC.partitions(), (short) 1).configs(TOPIC.configs());
			admin.createTopics(List.of(topic)).all().get();
		}
	}

	private static ProducerRecord<String, byte[]> record(String key) {
		return new ProducerRecord<>(TOPIC.name(), key, key.getBytes(StandardCharsets.UTF_8));
	}

	private static KafkaProducer<String, byte[]> producer(KafkaBroker broker, Map<String, Object> extra) {
		Map<String, Object> config = new HashMap<>(extra);
		config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
		config.put(ProducerConfig.ACKS_CONFIG, "all");
		return new KafkaProducer<>(config, TOPIC.keySerde().serializer(), TOPIC.valueSerde().serializer());
	}

	private static List<String> consumeKeys(KafkaBroker broker, String isolation, int expected) {
		Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
				ConsumerConfig.GROUP_ID_CONFIG, "broker-test-" + UUID.randomUUID(),
				ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest", ConsumerConfig.ISOLATION_LEVEL_CONFIG, isolation);
		List<String> keys = new ArrayList<>();
		try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, TOPIC.keySerde().deserializer(),
				TOPIC.valueSerde().deserializer())) {
			consumer.subscribe(List.of(TOPIC.name()));
			await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
				consumer.poll(Duration.ofMillis(200)).forEach((ConsumerRecord<String, byte[]> r) -> keys.add(r.key()));
				assertThat(keys).hasSizeGreaterThanOrEqualTo(expected);
			});
		}
		return keys;
	}

}
