package io.keepline.reliability.poison;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import io.keepline.contracts.Msisdn;
import io.keepline.contracts.json.EventJson;
import io.keepline.contracts.line.LineEvent;
import io.keepline.contracts.rejected.RejectedEvent;
import io.keepline.contracts.topic.Topics;
import io.keepline.reliability.poison.DeadLetters.Written;
import io.keepline.testsupport.KafkaCluster;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.utils.Utils;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes every kind of {@link Poison} into one partition of a topic and then a good
 * record into the same partition, so that the good record can only be processed once its
 * consumer got past the poisons. Each write waits for the broker, which says where the
 * record landed.
 */
final class PoisonWriter implements AutoCloseable {

	private final KafkaProducer<byte[], byte[]> producer;

	PoisonWriter(KafkaCluster cluster) {
		this.producer = new KafkaProducer<>(cluster.producerProperties(), new ByteArraySerializer(),
				new ByteArraySerializer());
	}

	/**
	 * The poisons, made from {@code wellFormed} events, into the partition of
	 * {@code goodKey}, then {@code goodEvent} (of the topic's sealed {@code type}) keyed
	 * by it; returns where the poisons landed.
	 */
	List<Written> poisonThenGood(String topic, Msisdn goodKey, Function<Msisdn, ObjectNode> wellFormed,
			Object goodEvent, Class<?> type) {
		int partition = partition(goodKey);
		List<Written> poisons = Arrays.stream(Poison.values())
			.map((kind) -> send(kind, kind.record(topic, partition, wellFormed)))
			.toList();
		good(topic, goodKey, goodEvent, type, partition);
		return poisons;
	}

	/**
	 * The poisons of the raw operator topic, then a good {@code LineRegistered} of
	 * {@code good}'s line from operator orange, into one partition; returns where the
	 * poisons landed.
	 */
	List<Written> rawPoisonThenGood(LineEvent good) {
		String topic = Topics.operatorEventsRaw(Events.ORANGE).name();
		int partition = partition(good.msisdn());
		List<Written> poisons = Arrays.stream(Poison.values())
			.map((kind) -> send(kind, kind.rawRecord(topic, partition, Events.lineEventJson(good.msisdn()))))
			.toList();
		ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(topic, partition, null,
				EventJson.write(good, LineEvent.class));
		send(null, record);
		return poisons;
	}

	/**
	 * The poisons of rejected-events, then {@code good} (a rejection of orange's) keyed
	 * by orange, into orange's partition; returns where the poisons landed.
	 */
	List<Written> rejectedPoisonThenGood(RejectedEvent good) {
		String topic = Topics.REJECTED_EVENTS.name();
		byte[] key = Poison.bytes(Events.ORANGE.value());
		int partition = Utils.toPositive(Utils.murmur2(key)) % Topics.DEFAULT_PARTITIONS;
		List<Written> poisons = Arrays.stream(Poison.values())
			.map((kind) -> send(kind,
					kind.operatorKeyedRecord(topic, partition, Events.tree(good, RejectedEvent.class))))
			.toList();
		send(null, new ProducerRecord<>(topic, partition, key, EventJson.write(good, RejectedEvent.class)));
		return poisons;
	}

	/** A good record keyed by its line, which lands in that line's partition. */
	void good(String topic, Msisdn key, Object event, Class<?> type) {
		good(topic, key, event, type, partition(key));
	}

	private void good(String topic, Msisdn key, Object event, Class<?> type, int expectedPartition) {
		Written good = send(null, new ProducerRecord<>(topic, Poison.bytes(key.value()), EventJson.write(event, type)));
		if (good.partition() != expectedPartition) {
			throw new IllegalStateException("the good record landed in " + good + ", not after the poisons");
		}
	}

	private Written send(Poison kind, ProducerRecord<byte[], byte[]> record) {
		try {
			RecordMetadata metadata = this.producer.send(record).get(30, TimeUnit.SECONDS);
			return new Written(kind, metadata.topic(), metadata.partition(), metadata.offset());
		}
		catch (Exception ex) {
			throw new IllegalStateException("could not write to " + record.topic(), ex);
		}
	}

	/** The partition Kafka's default partitioner gives an msisdn key. */
	private static int partition(Msisdn key) {
		return Utils.toPositive(Utils.murmur2(Poison.bytes(key.value()))) % Topics.DEFAULT_PARTITIONS;
	}

	@Override
	public void close() {
		this.producer.close();
	}

}
