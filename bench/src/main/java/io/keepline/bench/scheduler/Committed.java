package io.keepline.bench.scheduler;

import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;

import io.keepline.contracts.topic.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;

/**
 * How many line-events records a Streams application has processed and committed (its
 * group's committed offsets), against how many there are: the registration progress.
 */
final class Committed implements AutoCloseable {

	private final Admin admin;

	private final String groupId;

	Committed(String bootstrapServers, String groupId) {
		this.admin = Admin.create(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
		this.groupId = groupId;
	}

	/** Records of line-events committed by the group. */
	long committed() {
		try {
			return this.admin.listConsumerGroupOffsets(this.groupId)
				.partitionsToOffsetAndMetadata()
				.get()
				.entrySet()
				.stream()
				.filter((e) -> e.getKey().topic().equals(Topics.LINE_EVENTS.name()) && e.getValue() != null)
				.mapToLong((e) -> e.getValue().offset())
				.sum();
		}
		catch (ExecutionException ex) {
			return 0;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** Records in line-events (sum of end offsets). */
	long available() {
		try {
			int partitions = this.admin.describeTopics(java.util.List.of(Topics.LINE_EVENTS.name()))
				.allTopicNames()
				.get()
				.get(Topics.LINE_EVENTS.name())
				.partitions()
				.size();
			Map<TopicPartition, OffsetSpec> latest = java.util.stream.IntStream.range(0, partitions)
				.boxed()
				.collect(Collectors.toMap((p) -> new TopicPartition(Topics.LINE_EVENTS.name(), p),
						(p) -> OffsetSpec.latest()));
			return this.admin.listOffsets(latest).all().get().values().stream().mapToLong((o) -> o.offset()).sum();
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException("Could not read line-events end offsets", ex.getCause());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	@Override
	public void close() {
		this.admin.close();
	}

}
