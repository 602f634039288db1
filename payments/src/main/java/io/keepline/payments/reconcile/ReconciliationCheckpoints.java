package io.keepline.payments.reconcile;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.keepline.contracts.reconcile.ReconciliationCheckpoint;
import io.keepline.contracts.topic.Topic;
import io.keepline.contracts.topic.Topics;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.kafka.core.KafkaOperations;

/**
 * The checkpoints on the compacted checkpoint topic: read whole (it holds one record per
 * Stripe account) at the start of every pass, so that a restarted or newly elected
 * instance goes on where the last one stopped; written, and acknowledged, after every
 * window read.
 */
final class ReconciliationCheckpoints {

	private static final Logger log = LoggerFactory.getLogger(ReconciliationCheckpoints.class);

	private static final Topic<String, ReconciliationCheckpoint> TOPIC = Topics.RECONCILIATION_CHECKPOINTS;

	private final Map<String, Object> consumerProperties;

	private final KafkaOperations<String, ReconciliationCheckpoint> template;

	private final Duration timeout;

	ReconciliationCheckpoints(Map<String, Object> consumerProperties,
			KafkaOperations<String, ReconciliationCheckpoint> template, Duration timeout) {
		this.consumerProperties = Map.copyOf(consumerProperties);
		this.template = template;
		this.timeout = timeout;
	}

	/** The latest checkpoint of {@code account}, if one was ever written. */
	Optional<ReconciliationCheckpoint> read(String account) {
		Map<String, Object> properties = new HashMap<>(this.consumerProperties);
		properties.remove(ConsumerConfig.GROUP_ID_CONFIG);
		TopicPartition partition = new TopicPartition(TOPIC.name(), 0);
		ReconciliationCheckpoint latest = null;
		try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(properties, new ByteArrayDeserializer(),
				new ByteArrayDeserializer())) {
			consumer.assign(List.of(partition));
			consumer.seekToBeginning(List.of(partition));
			long end = consumer.endOffsets(List.of(partition), this.timeout).get(partition);
			long deadline = System.nanoTime() + this.timeout.toNanos();
			while (consumer.position(partition, this.timeout) < end) {
				if (System.nanoTime() > deadline) {
					throw new KafkaException("Reconciliation checkpoints not read within " + this.timeout);
				}
				for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
					try {
						String key = TOPIC.keySerde().deserializer().deserialize(TOPIC.name(), record.key());
						if (account.equals(key)) {
							latest = (record.value() != null)
									? TOPIC.valueSerde().deserializer().deserialize(TOPIC.name(), record.value())
									: null;
						}
					}
					catch (RuntimeException ex) {
						// an older checkpoint is harmless: the events re-read are
						// published once
						log.warn("Unreadable reconciliation checkpoint at offset {} skipped: {}", record.offset(),
								ex.getMessage());
					}
				}
			}
		}
		return Optional.ofNullable(latest);
	}

	/** Writes {@code checkpoint} and waits for Kafka's acknowledgement. */
	void write(ReconciliationCheckpoint checkpoint) {
		try {
			this.template.send(TOPIC.name(), checkpoint.account(), checkpoint)
				.get(this.timeout.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new KafkaException("Interrupted while writing the reconciliation checkpoint", ex);
		}
		catch (ExecutionException | TimeoutException ex) {
			throw new KafkaException("Reconciliation checkpoint not written: " + ex.getMessage(), ex);
		}
	}

}
