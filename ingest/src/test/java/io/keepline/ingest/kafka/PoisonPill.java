package io.keepline.ingest.kafka;

import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.producer.Partitioner;
import org.apache.kafka.clients.producer.ProducerInterceptor;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.Cluster;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.utils.Utils;

/**
 * Makes the send of one chosen key fail, but only after the records before it were
 * acknowledged by the broker: the case of a batch that Kafka took in part. Kafka
 * instantiates these by class name, hence the static state, set by one test only.
 */
final class PoisonPill {

	static volatile byte[] key = new byte[0];

	static volatile CountDownLatch acknowledged = new CountDownLatch(0);

	private PoisonPill() {
	}

	static void arm(byte[] poisonKey, int acknowledgementsFirst) {
		key = poisonKey;
		acknowledged = new CountDownLatch(acknowledgementsFirst);
	}

	/** Partitions by key like Kafka does, and fails on the poison key. */
	public static final class FailingPartitioner implements Partitioner {

		@Override
		public int partition(String topic, Object k, byte[] keyBytes, Object value, byte[] valueBytes,
				Cluster cluster) {
			if (Arrays.equals(keyBytes, key)) {
				try {
					acknowledged.await(20, TimeUnit.SECONDS);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
				throw new KafkaException("poison pill");
			}
			return Utils.toPositive(Utils.murmur2(keyBytes)) % cluster.partitionCountForTopic(topic);
		}

		@Override
		public void close() {
		}

		@Override
		public void configure(Map<String, ?> configs) {
		}

	}

	/** Counts broker acknowledgements. */
	public static final class AckCounter implements ProducerInterceptor<byte[], byte[]> {

		@Override
		public ProducerRecord<byte[], byte[]> onSend(ProducerRecord<byte[], byte[]> record) {
			return record;
		}

		@Override
		public void onAcknowledgement(RecordMetadata metadata, Exception exception) {
			if (exception == null) {
				acknowledged.countDown();
			}
		}

		@Override
		public void close() {
		}

		@Override
		public void configure(Map<String, ?> configs) {
		}

	}

}
