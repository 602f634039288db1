package io.keepline.bench.baseline;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

import io.keepline.bench.Waits;
import io.keepline.contracts.topic.Topic;
import io.keepline.contracts.topic.Topics;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;

/**
 * The plain Kafka clients and admin calls of the baselines and the benchmark set-up, with
 * the client settings the services use, so that a ratio compares like with like.
 */
public final class BaselineClients {

	private BaselineClients() {
	}

	/**
	 * acks=all, idempotent, batched and compressed: the settings of ingest's producer.
	 */
	public static Map<String, Object> producer(String bootstrapServers) {
		Map<String, Object> props = new HashMap<>();
		props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
		props.put(ProducerConfig.ACKS_CONFIG, "all");
		props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
		props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
		props.put(ProducerConfig.BATCH_SIZE_CONFIG, 128 * 1024);
		props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
		return props;
	}

	public static Map<String, Object> consumer(String bootstrapServers, String groupId) {
		Map<String, Object> props = new HashMap<>();
		props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
		props.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
		props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
		props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2_000);
		return props;
	}

	/** Creates every topic of the Keepline catalogue that does not exist yet. */
	public static void createCatalogueTopics(String bootstrapServers) {
		createTopics(bootstrapServers, Topics.all().stream().map(Topic::newTopic).toList());
	}

	/** A scratch topic for a baseline, with the catalogue's partition count. */
	public static String scratchTopic(String bootstrapServers, String prefix) {
		String name = "bench-" + prefix + "-" + UUID.randomUUID();
		createTopics(bootstrapServers, List.of(new NewTopic(name, Topics.DEFAULT_PARTITIONS, (short) 1)));
		return name;
	}

	/** The names of the topics that exist now, internal ones left out. */
	public static Set<String> topicNames(String bootstrapServers) {
		try (Admin admin = Admin.create(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
			return admin.listTopics().names().get();
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException("Could not list topics", ex.getCause());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** Deletes {@code names} so that the next suite starts from empty topics. */
	public static void deleteTopics(String bootstrapServers, Set<String> names) {
		if (names.isEmpty()) {
			return;
		}
		try (Admin admin = Admin.create(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
			admin.deleteTopics(names).all().get();
			// Deletion completes in the background, and a topic of the same name
			// cannot be created before it has.
			Waits.until("topics to be deleted", Duration.ofSeconds(60), () -> {
				try {
					Set<String> left = new HashSet<>(admin.listTopics().names().get());
					left.retainAll(names);
					return left.isEmpty();
				}
				catch (ExecutionException | InterruptedException ex) {
					return false;
				}
			});
		}
		catch (TimeoutException ex) {
			throw new IllegalStateException(ex.getMessage(), ex);
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException("Could not delete topics " + names, ex.getCause());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** Creates the topics that do not exist yet. */
	public static void createTopics(String bootstrapServers, List<NewTopic> topics) {
		try (Admin admin = Admin.create(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
			Set<String> existing = admin.listTopics().names().get();
			admin.createTopics(topics.stream().filter((t) -> !existing.contains(t.name())).toList()).all().get();
			List<String> names = topics.stream().map(NewTopic::name).toList();
			Waits.until("topics to be ready", Duration.ofSeconds(60), () -> {
				try {
					return admin.describeTopics(names)
						.allTopicNames()
						.get()
						.values()
						.stream()
						.allMatch((t) -> t.partitions().stream().allMatch((p) -> p.leader() != null));
				}
				catch (ExecutionException | InterruptedException ex) {
					return false;
				}
			});
		}
		catch (TimeoutException ex) {
			throw new IllegalStateException(ex.getMessage(), ex);
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException("Could not create benchmark topics", ex.getCause());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
