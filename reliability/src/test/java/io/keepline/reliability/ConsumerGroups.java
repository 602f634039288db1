package io.keepline.reliability;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;

import io.keepline.contracts.topic.Topic;
import io.keepline.testsupport.KafkaCluster;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Places a new consumer group (or Streams application id) at the current end of shared
 * topics, where a service that had handled all earlier records would stand. Scenarios
 * sharing the test broker use it so that a fresh service does not act again on what
 * earlier scenarios left on the topics (charge their renewals, refund their payments,
 * replay their lines).
 */
public final class ConsumerGroups {

	private ConsumerGroups() {
	}

	/**
	 * Commits the end offset of every partition of {@code topics} for {@code groupId}.
	 */
	public static void startAtEnd(KafkaCluster cluster, String groupId, Topic<?, ?>... topics) {
		List<String> names = Arrays.stream(topics).map(Topic::name).toList();
		try (Admin admin = Admin.create(cluster.adminProperties())) {
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

}
