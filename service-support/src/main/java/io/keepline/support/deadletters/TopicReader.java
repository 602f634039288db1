package io.keepline.support.deadletters;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads a whole topic as it is now, from the beginning of every partition to its end,
 * outside any consumer group: dead-letter and replay-mark topics are small.
 */
final class TopicReader {

	private static final Duration POLL = Duration.ofMillis(200);

	private final Map<String, Object> properties;

	private final Duration timeout;

	TopicReader(Map<String, Object> consumerProperties, Duration timeout) {
		this.properties = new HashMap<>(consumerProperties);
		this.properties.remove(ConsumerConfig.GROUP_ID_CONFIG);
		this.properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		this.timeout = timeout;
	}

	/** Every record of {@code topic}; none when it does not exist. */
	List<ConsumerRecord<byte[], byte[]>> readAll(String topic) {
		try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(this.properties, new ByteArrayDeserializer(),
				new ByteArrayDeserializer())) {
			List<PartitionInfo> partitions = consumer.listTopics(this.timeout).get(topic);
			if (partitions == null) {
				return List.of();
			}
			List<TopicPartition> assigned = partitions.stream()
				.map((info) -> new TopicPartition(topic, info.partition()))
				.toList();
			consumer.assign(assigned);
			consumer.seekToBeginning(assigned);
			Map<TopicPartition, Long> ends = consumer.endOffsets(assigned, this.timeout);
			List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
			long deadline = System.nanoTime() + this.timeout.toNanos();
			while (!caughtUp(consumer, ends)) {
				if (System.nanoTime() > deadline) {
					throw new IllegalStateException("Could not read " + topic + " to its end within " + this.timeout);
				}
				consumer.poll(POLL).forEach(records::add);
			}
			return records;
		}
	}

	private static boolean caughtUp(KafkaConsumer<byte[], byte[]> consumer, Map<TopicPartition, Long> ends) {
		for (Map.Entry<TopicPartition, Long> end : ends.entrySet()) {
			if (consumer.position(end.getKey()) < end.getValue()) {
				return false;
			}
		}
		return true;
	}

}
