package io.keepline.support.deadletters;

import java.util.function.BiConsumer;

import io.keepline.contracts.topic.Topic;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * One kind of dead letter a service parks: those of {@code topic} that its consumer group
 * {@code group} gave up on, and how to replay one (the same handler code that failed), or
 * why it cannot be replayed. Declared as a bean by the service.
 */
public final class DeadLetterSource {

	private final Topic<?, ?> topic;

	private final String group;

	private final Replay replay;

	private final String notReplayable;

	private DeadLetterSource(Topic<?, ?> topic, String group, Replay replay, String notReplayable) {
		this.topic = topic;
		this.group = group;
		this.replay = replay;
		this.notReplayable = notReplayable;
	}

	/**
	 * Dead letters of {@code topic} parked by {@code group}, replayed by handing the key
	 * and value (read with the topic's serdes) to {@code handler}, which must be
	 * idempotent and throws when the record fails again.
	 */
	public static <K, V> DeadLetterSource replayedBy(String group, Topic<K, V> topic, BiConsumer<K, V> handler) {
		Replay replay = (record) -> handler.accept(
				topic.keySerde().deserializer().deserialize(topic.name(), record.key()),
				topic.valueSerde().deserializer().deserialize(topic.name(), record.value()));
		return new DeadLetterSource(topic, group, replay, null);
	}

	/**
	 * Dead letters of {@code topic} parked by {@code group} that are listed but cannot be
	 * replayed, for the reason given (e.g. a Kafka Streams application's).
	 */
	public static DeadLetterSource listedOnly(String group, Topic<?, ?> topic, String whyNotReplayable) {
		return new DeadLetterSource(topic, group, null, whyNotReplayable);
	}

	/**
	 * Dead letters of {@code topic} parked by the Kafka Streams application
	 * {@code applicationId} (unreadable records, records keyed by another line): listed,
	 * not replayed, as replaying them would need a second writer on the source topic or a
	 * way into the topology from outside.
	 */
	public static DeadLetterSource parkedByStreams(String applicationId, Topic<?, ?> topic) {
		return listedOnly(applicationId, topic, "Parked by the Kafka Streams application " + applicationId
				+ ", which reads only its source topic: fix the record at its origin and send it again");
	}

	/** The dead-letter topic these dead letters are on. */
	public String deadLetterTopic() {
		return this.topic.deadLetter();
	}

	public String group() {
		return this.group;
	}

	/**
	 * Whether a dead letter naming {@code parkedBy} as its consumer group is one of
	 * these: the group itself or one of its retry-topic consumers
	 * ({@code <group>-retry…}).
	 */
	boolean parkedBy(String parkedBy) {
		return parkedBy != null && (parkedBy.equals(this.group) || parkedBy.startsWith(this.group + "-retry"));
	}

	boolean replayable() {
		return this.replay != null;
	}

	String notReplayable() {
		return this.notReplayable;
	}

	void replay(ConsumerRecord<byte[], byte[]> record) {
		this.replay.accept(record);
	}

	private interface Replay {

		void accept(ConsumerRecord<byte[], byte[]> record);

	}

}
