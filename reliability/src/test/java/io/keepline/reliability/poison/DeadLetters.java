package io.keepline.reliability.poison;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import io.keepline.testsupport.KafkaCluster;
import io.keepline.testsupport.TopicProbe;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

import org.springframework.kafka.support.KafkaHeaders;

/**
 * The dead-letter topics, read from the beginning. Finds the dead letters of a written
 * record by the original topic, partition and offset that spring-kafka's headers name,
 * and the consumer group that gave up on it. spring-kafka names those headers in two
 * ways: {@code kafka_dlt-original-topic} from a {@code DeadLetterPublishingRecoverer} of
 * its own, {@code kafka_original-topic} from the retry-topic machinery (the notifier).
 */
final class DeadLetters implements AutoCloseable {

	private final List<TopicProbe<String, String>> probes;

	DeadLetters(KafkaCluster cluster, String... topics) {
		this.probes = Arrays.stream(topics).map((topic) -> TopicProbe.raw(cluster, topic)).toList();
	}

	/** The dead letters of {@code written} that consumer group {@code group} wrote. */
	List<ConsumerRecord<String, String>> of(Written written, String group) {
		return this.probes.stream()
			.flatMap((probe) -> probe.records().stream())
			.filter((record) -> written.topic().equals(originalTopic(record))
					&& written.partition() == number(record, KafkaHeaders.DLT_ORIGINAL_PARTITION,
							KafkaHeaders.ORIGINAL_PARTITION)
					&& written.offset() == number(record, KafkaHeaders.DLT_ORIGINAL_OFFSET,
							KafkaHeaders.ORIGINAL_OFFSET)
					&& group.equals(text(record, KafkaHeaders.DLT_ORIGINAL_CONSUMER_GROUP)))
			.toList();
	}

	/** The exception spring-kafka recorded, of the value or else of the key. */
	static String exception(ConsumerRecord<String, String> deadLetter) {
		return text(deadLetter, KafkaHeaders.DLT_EXCEPTION_FQCN, KafkaHeaders.EXCEPTION_FQCN,
				KafkaHeaders.DLT_KEY_EXCEPTION_FQCN, KafkaHeaders.KEY_EXCEPTION_FQCN);
	}

	private static String originalTopic(ConsumerRecord<?, ?> record) {
		return text(record, KafkaHeaders.DLT_ORIGINAL_TOPIC, KafkaHeaders.ORIGINAL_TOPIC);
	}

	/** The first of the {@code names} headers the record has, as text. */
	private static String text(ConsumerRecord<?, ?> record, String... names) {
		Header header = header(record, names);
		return (header != null) ? new String(header.value(), StandardCharsets.UTF_8) : null;
	}

	private static long number(ConsumerRecord<?, ?> record, String... names) {
		Header header = header(record, names);
		if (header == null) {
			return -1;
		}
		ByteBuffer value = ByteBuffer.wrap(header.value());
		return (header.value().length == Integer.BYTES) ? value.getInt() : value.getLong();
	}

	private static Header header(ConsumerRecord<?, ?> record, String... names) {
		return Arrays.stream(names)
			.map((name) -> record.headers().lastHeader(name))
			.filter((header) -> header != null)
			.findFirst()
			.orElse(null);
	}

	@Override
	public void close() {
		this.probes.forEach(TopicProbe::close);
	}

	/**
	 * Every dead letter, by where it came from and who gave up on it, for failure
	 * messages.
	 */
	String describe() {
		StringBuilder text = new StringBuilder("dead letters:");
		this.probes.stream()
			.flatMap((probe) -> probe.records().stream())
			.forEach((record) -> text.append("\n  ")
				.append(originalTopic(record))
				.append('-')
				.append(number(record, KafkaHeaders.DLT_ORIGINAL_PARTITION, KafkaHeaders.ORIGINAL_PARTITION))
				.append('@')
				.append(number(record, KafkaHeaders.DLT_ORIGINAL_OFFSET, KafkaHeaders.ORIGINAL_OFFSET))
				.append(" by ")
				.append(text(record, KafkaHeaders.DLT_ORIGINAL_CONSUMER_GROUP))
				.append(": ")
				.append(exception(record)));
		return text.toString();
	}

	/** A record the scenario wrote, where it landed. */
	record Written(Poison kind, String topic, int partition, long offset) {

		@Override
		public String toString() {
			return this.kind + " at " + this.topic + "-" + this.partition + "@" + this.offset;
		}

	}

}
