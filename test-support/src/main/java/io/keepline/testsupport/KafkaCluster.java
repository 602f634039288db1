package io.keepline.testsupport;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;

import io.keepline.contracts.topic.Topic;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.errors.TopicExistsException;
import org.awaitility.Awaitility;

/**
 * A real Kafka cluster that tests talk to, with the client settings Keepline tests need.
 */
public interface KafkaCluster extends AutoCloseable {

	String bootstrapServers();

	/** Where the broker comes from: external, Testcontainers, or in-JVM KRaft. */
	String description();

	@Override
	void close();

	default Map<String, Object> adminProperties() {
		Map<String, Object> properties = new HashMap<>();
		properties.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
		return properties;
	}

	default Map<String, Object> producerProperties() {
		Map<String, Object> properties = adminProperties();
		properties.put(ProducerConfig.ACKS_CONFIG, "all");
		properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
		return properties;
	}

	/**
	 * A read_committed consumer in {@code groupId} that starts at the earliest offset.
	 */
	default Map<String, Object> consumerProperties(String groupId) {
		Map<String, Object> properties = adminProperties();
		properties.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
		properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
		properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		return properties;
	}

	/** Creates catalogue topics that do not exist yet, with their catalogue layout. */
	default void createTopics(Topic<?, ?>... topics) {
		List<NewTopic> missing = new ArrayList<>();
		for (Topic<?, ?> topic : topics) {
			missing.add(new NewTopic(topic.name(), topic.partitions(), (short) 1).configs(topic.configs()));
		}
		createTopics(missing);
	}

	/** Creates topics by name (for tests that need their own, uniquely named ones). */
	default void createTopics(String... names) {
		List<NewTopic> topics = new ArrayList<>();
		for (String name : names) {
			topics.add(new NewTopic(name, 3, (short) 1));
		}
		createTopics(topics);
	}

	/**
	 * Commits the current end offset of every partition of {@code topics} for
	 * {@code groupId}, where a service that had handled every earlier record would stand:
	 * a fresh group on topics shared by the tests of this JVM then acts on nothing the
	 * other tests left there.
	 */
	default void startGroupAtEnd(String groupId, Topic<?, ?>... topics) {
		List<String> names = Arrays.stream(topics).map(Topic::name).toList();
		try (Admin admin = Admin.create(adminProperties())) {
			Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
			admin.describeTopics(names)
				.allTopicNames()
				.get()
				.forEach((name, description) -> description.partitions()
					.forEach((partition) -> latest.put(new TopicPartition(name, partition.partition()),
							OffsetSpec.latest())));
			Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(latest).all().get();
			Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
			ends.forEach((partition, end) -> offsets.put(partition, new OffsetAndMetadata(end.offset())));
			admin.alterConsumerGroupOffsets(groupId, offsets).all().get();
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException("Could not place group " + groupId + " at the end of " + names,
					ex.getCause());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while placing group " + groupId, ex);
		}
	}

	private void createTopics(List<NewTopic> topics) {
		try (Admin admin = Admin.create(adminProperties())) {
			Set<String> existing = admin.listTopics().names().get();
			List<NewTopic> missing = topics.stream().filter((topic) -> !existing.contains(topic.name())).toList();
			admin.createTopics(missing).all().get();
			awaitLeaders(admin, topics.stream().map(NewTopic::name).toList());
		}
		catch (ExecutionException ex) {
			if (!(ex.getCause() instanceof TopicExistsException)) {
				throw new IllegalStateException("Could not create test topics", ex.getCause());
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while creating test topics", ex);
		}
	}

	/**
	 * Waits until every partition of {@code names} has a leader that serves requests as
	 * such (it answers a list-offsets request): an idempotent producer that writes into a
	 * partition whose leader is still taking over can get stuck on an out-of-order
	 * sequence and lose its first batches.
	 */
	private static void awaitLeaders(Admin admin, List<String> names) {
		Awaitility.await("leaders of " + names)
			.atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofMillis(100))
			.ignoreExceptions()
			.until(() -> {
				Map<TopicPartition, OffsetSpec> partitions = new HashMap<>();
				for (TopicDescription topic : admin.describeTopics(names).allTopicNames().get().values()) {
					for (TopicPartitionInfo partition : topic.partitions()) {
						if (partition.leader() == null || partition.leader().isEmpty()) {
							return false;
						}
						partitions.put(new TopicPartition(topic.name(), partition.partition()), OffsetSpec.latest());
					}
				}
				admin.listOffsets(partitions).all().get();
				return true;
			});
	}

}
