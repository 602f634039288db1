package io.keepline.bench.baseline;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.keepline.bench.Figure;
import io.keepline.bench.ProgressLine;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Baseline: a plain exactly-once consume→produce copy of {@code count} records already on
 * {@code source} — the ceiling of any read-process-write loop on this broker.
 */
public final class ExactlyOnceCopyRate {

	private ExactlyOnceCopyRate() {
	}

	public static Figure measure(String bootstrapServers, String source, String target, long count,
			ProgressLine progress) {
		Map<String, Object> producerProps = BaselineClients.producer(bootstrapServers);
		producerProps.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "bench-eos-copy-" + UUID.randomUUID());
		Map<String, Object> consumerProps = new HashMap<>(
				BaselineClients.consumer(bootstrapServers, "bench-eos-copy-" + UUID.randomUUID()));
		try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(producerProps, new ByteArraySerializer(),
				new ByteArraySerializer());
				KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(consumerProps, new ByteArrayDeserializer(),
						new ByteArrayDeserializer())) {
			producer.initTransactions();
			consumer.subscribe(List.of(source));
			long copied = 0;
			long start = 0;
			while (copied < count) {
				ConsumerRecords<byte[], byte[]> records = consumer.poll(Duration.ofMillis(500));
				if (records.isEmpty()) {
					continue;
				}
				if (start == 0) {
					start = System.nanoTime();
				}
				producer.beginTransaction();
				Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
				for (ConsumerRecord<byte[], byte[]> record : records) {
					producer.send(new ProducerRecord<>(target, record.key(), record.value()));
					offsets.put(new TopicPartition(record.topic(), record.partition()),
							new OffsetAndMetadata(record.offset() + 1));
				}
				producer.sendOffsetsToTransaction(offsets, consumer.groupMetadata());
				producer.commitTransaction();
				copied += records.count();
				progress.advance(records.count());
			}
			double seconds = (System.nanoTime() - start) / 1e9;
			return new Figure("exactly-once copy", copied / seconds, "records/s");
		}
	}

}
