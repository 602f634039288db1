package io.keepline.ingest.lines;

import java.util.Map;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.KafkaClientSupplier;

/**
 * Kafka Streams' clients for the operator API, whose global consumer can be woken: a
 * global store restores without looking at a close, so waking its consumer is what cuts a
 * restore short when ingest stops (or its state directory would be removed under it).
 */
final class WakeableClients implements KafkaClientSupplier {

	private volatile Consumer<byte[], byte[]> globalConsumer;

	private volatile boolean waking;

	@Override
	public Admin getAdmin(Map<String, Object> config) {
		return Admin.create(config);
	}

	@Override
	public Producer<byte[], byte[]> getProducer(Map<String, Object> config) {
		return new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer());
	}

	@Override
	public Consumer<byte[], byte[]> getConsumer(Map<String, Object> config) {
		return consumer(config);
	}

	@Override
	public Consumer<byte[], byte[]> getRestoreConsumer(Map<String, Object> config) {
		return consumer(config);
	}

	@Override
	public Consumer<byte[], byte[]> getGlobalConsumer(Map<String, Object> config) {
		Consumer<byte[], byte[]> consumer = consumer(config);
		this.globalConsumer = consumer;
		if (this.waking) {
			consumer.wakeup();
		}
		return consumer;
	}

	/**
	 * Wakes the global consumer, and every one created from now on: a restore in progress
	 * fails at once, and no new one begins.
	 */
	void wakeUp() {
		this.waking = true;
		Consumer<byte[], byte[]> consumer = this.globalConsumer;
		if (consumer != null) {
			consumer.wakeup();
		}
	}

	private static Consumer<byte[], byte[]> consumer(Map<String, Object> config) {
		return new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
	}

}
