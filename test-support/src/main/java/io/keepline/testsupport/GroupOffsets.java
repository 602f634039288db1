package io.keepline.testsupport;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;

import io.keepline.contracts.topic.Topic;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * How far a consumer group (a Kafka Streams application, say) has come on a topic: lets a
 * test wait until everything written before a point has been processed and committed.
 */
public final class GroupOffsets {

	private GroupOffsets() {
	}

	/** The end offset of every partition of {@code topic} now. */
	public static Map<TopicPartition, Long> endOffsets(KafkaCluster cluster, Topic<?, ?> topic)
			throws ExecutionException, InterruptedException {
		try (Admin admin = Admin.create(cluster.adminProperties())) {
			Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
			for (int p = 0; p < topic.partitions(); p++) {
				latest.put(new TopicPartition(topic.name(), p), OffsetSpec.latest());
			}
			Map<TopicPartition, Long> offsets = new HashMap<>();
			admin.listOffsets(latest).all().get().forEach((partition, info) -> offsets.put(partition, info.offset()));
			return offsets;
		}
	}

	/**
	 * Whether {@code group} has committed at least {@code ends} on every partition that
	 * had records.
	 */
	public static boolean committedUpTo(KafkaCluster cluster, String group, Map<TopicPartition, Long> ends)
			throws ExecutionException, InterruptedException {
		try (Admin admin = Admin.create(cluster.adminProperties())) {
			Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
				.partitionsToOffsetAndMetadata()
				.get();
			return ends.entrySet()
				.stream()
				.allMatch((end) -> end.getValue() == 0 || (committed.get(end.getKey()) != null
						&& committed.get(end.getKey()).offset() >= end.getValue()));
		}
	}

}
