package io.keepline.scheduler.streams;

import java.util.Map;

import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.StreamsConfig;

/**
 * The Kafka Streams settings the scheduler runs with for throughput under exactly-once,
 * in one place for the service and the benchmark: its producer batches and compresses the
 * changelog, deadline and line records of each transaction (lz4), and its stores share a
 * record cache large enough to fold an entry's put and delete within one commit.
 */
public final class SchedulerStreamsTuning {

	private SchedulerStreamsTuning() {
	}

	/** The settings, as Streams configuration keys and values. */
	public static Map<String, Object> properties() {
		return Map.of(StreamsConfig.producerPrefix(ProducerConfig.COMPRESSION_TYPE_CONFIG), "lz4",
				StreamsConfig.producerPrefix(ProducerConfig.LINGER_MS_CONFIG), 10,
				StreamsConfig.producerPrefix(ProducerConfig.BATCH_SIZE_CONFIG), 256 * 1024,
				StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, 64L * 1024 * 1024);
	}

}
