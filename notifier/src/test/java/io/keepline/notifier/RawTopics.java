package io.keepline.notifier;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.keepline.testsupport.KafkaCluster;
import io.keepline.testsupport.Unique;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Everything written so far to some topics, read uncommitted from the start of every
 * partition: each record's key, value and headers as text, by topic. What a search for
 * personal data on a topic must look through.
 */
final class RawTopics {

	private RawTopics() {
	}

	static Map<String, List<String>> read(KafkaCluster cluster, Collection<String> topics) {
		Map<String, Object> properties = cluster.consumerProperties(Unique.name("raw-scan"));
		properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_uncommitted");
		properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		Map<String, List<String>> texts = new HashMap<>();
		try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(properties, new ByteArrayDeserializer(),
				new ByteArrayDeserializer())) {
			List<TopicPartition> partitions = new ArrayList<>();
			for (String topic : topics) {
				texts.put(topic, new ArrayList<>());
				consumer.partitionsFor(topic)
					.forEach((info) -> partitions.add(new TopicPartition(topic, info.partition())));
			}
			consumer.assign(partitions);
			consumer.seekToBeginning(partitions);
			Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
			while (partitions.stream().anyMatch((partition) -> consumer.position(partition) < ends.get(partition))) {
				for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
					texts.get(record.topic()).add(text(record));
				}
			}
		}
		return texts;
	}

	private static String text(ConsumerRecord<byte[], byte[]> record) {
		StringBuilder text = new StringBuilder();
		append(text, record.key());
		append(text, record.value());
		for (Header header : record.headers()) {
			text.append(header.key()).append('=');
			append(text, header.value());
		}
		return text.toString();
	}

	private static void append(StringBuilder text, byte[] bytes) {
		if (bytes != null) {
			text.append(new String(bytes, StandardCharsets.UTF_8)).append('\n');
		}
	}

}
