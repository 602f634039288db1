package io.keepline.scheduler.streams;

import java.util.Map;

import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.StreamsConfig;

/**
 * The Kafka Streams settings the scheduler runs with for throughput under exactly-once,
 * in one place for the service and the benchmark: its producer batches and compresses the
 * changelog, deadline and line records of each transaction (lz4). Its stores have no
 * record cache (see {@code SchedulerTopology}), so the cache's size is left at its
 * default.
 */
public final class SchedulerStreamsTuning {

	private SchedulerStreamsTuning() {
	}

	/** The settings, as Streams configuration keys and values. */
	public static Map<String, Object> properties() {
		return Map.of(StreamsConfig.producerPrefix(ProducerConfig.COMPRESSION_TYPE_CONFIG), "lz4",
				StreamsConfig.producerPrefix(ProducerConfig.LINGER_MS_CONFIG), 10,
				StreamsConfig.producerPrefix(ProducerConfig.BATCH_SIZE_CONFIG), 256 * 1024);
	}

}
