package io.keepline.bench.baseline;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import io.keepline.bench.Figure;
import io.keepline.bench.ProgressLine;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Baseline: the rate at which a bare Kafka producer with ingest's settings gets the same
 * records acknowledged.
 */
public final class RawProducerRate {

	private RawProducerRate() {
	}

	public static Figure measure(String bootstrapServers, String topic, List<byte[][]> records, ProgressLine progress) {
		AtomicReference<Exception> failure = new AtomicReference<>();
		try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(BaselineClients.producer(bootstrapServers),
				new ByteArraySerializer(), new ByteArraySerializer())) {
			long start = System.nanoTime();
			for (byte[][] record : records) {
				producer.send(new ProducerRecord<>(topic, record[0], record[1]), (metadata, ex) -> {
					if (ex != null) {
						failure.set(ex);
					}
					progress.advance(1);
				});
			}
			producer.flush();
			double seconds = (System.nanoTime() - start) / 1e9;
			if (failure.get() != null) {
				throw new IllegalStateException("The raw producer baseline failed", failure.get());
			}
			return new Figure("raw producer", records.size() / seconds, "events/s");
		}
	}

}
