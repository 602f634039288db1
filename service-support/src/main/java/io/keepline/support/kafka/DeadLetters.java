package io.keepline.support.kafka;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.common.header.internals.RecordHeaders;

import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.kafka.support.KafkaHeaders;

/**
 * The one way a Keepline service publishes dead letters: spring-kafka's
 * {@link DeadLetterPublishingRecoverer} (record to {@code <topic>-dlt}, same partition,
 * with its exception headers) through one producer that writes what it is given as it was
 * read ({@link CatalogueSerializer}), always naming the consumer group that gave up on
 * the record: a listener container's own, or the one given here (a Kafka Streams
 * application id).
 */
public final class DeadLetters {

	private final KafkaOperations<Object, Object> template;

	public DeadLetters(KafkaOperations<Object, Object> template) {
		this.template = template;
	}

	/**
	 * A recoverer for records that {@code consumerGroup} gave up on.
	 * @param consumerGroup the group recorded when the failure does not name one (Kafka
	 * Streams: its application id)
	 */
	public DeadLetterPublishingRecoverer recoverer(String consumerGroup) {
		DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(this.template);
		byte[] group = consumerGroup.getBytes(StandardCharsets.UTF_8);
		recoverer.addHeadersFunction((record, ex) -> namesGroup(ex) ? null
				: new RecordHeaders().add(KafkaHeaders.DLT_ORIGINAL_CONSUMER_GROUP, group));
		return recoverer;
	}

	/** The producer dead letters go through, for those who forward records themselves. */
	public KafkaOperations<Object, Object> template() {
		return this.template;
	}

	/**
	 * spring-kafka adds the group itself when a listener container reports the failure.
	 */
	private static boolean namesGroup(Exception ex) {
		return ex instanceof ListenerExecutionFailedException failed && failed.getGroupId() != null;
	}

}
