package io.keepline.contracts.topic;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import org.apache.kafka.clients.admin.NewTopic;

import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.Serde;

/**
 * A Keepline topic: its name, the serdes of its keys and values, and how it is laid out
 * and kept. {@code retention} null means kept forever.
 */
public record Topic<K, V>(String name, Serde<K> keySerde, Serde<V> valueSerde, int partitions, Duration retention,
		String cleanupPolicy) {

	/** Suffix spring-kafka's dead-letter publishing appends to a topic name. */
	public static final String DEAD_LETTER_SUFFIX = "-dlt";

	/**
	 * How long a dead letter or a retry is kept at most by default: the production
	 * erasure bound (docs/privacy.md), so that no copy of an erased line's record
	 * outlives it there.
	 */
	public static final Duration HELD_COPY_RETENTION = Duration.ofDays(30);

	/** The dead-letter topic for records of this topic that could not be processed. */
	public String deadLetter() {
		return this.name + DEAD_LETTER_SUFFIX;
	}

	/** Topic-level configuration to create the topic with. */
	public Map<String, String> configs() {
		long retentionMs = (this.retention != null) ? this.retention.toMillis() : -1L;
		return Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, this.cleanupPolicy, TopicConfig.RETENTION_MS_CONFIG,
				Long.toString(retentionMs));
	}

	/**
	 * The topic as an admin client creates it: its partitions and configuration, with the
	 * cluster's default replication factor.
	 */
	public NewTopic newTopic() {
		return laidOutAsThis(this.name);
	}

	/**
	 * This topic's dead-letter topic, laid out like it so that a dead letter keeps the
	 * partition of the record it stands for, and kept {@link #HELD_COPY_RETENTION} at
	 * most.
	 */
	public NewTopic newDeadLetterTopic() {
		return newHeldCopyTopic(deadLetter(), HELD_COPY_RETENTION);
	}

	/**
	 * A topic that holds copies of this topic's records for a while (its dead letters, or
	 * a consumer's retries), laid out like it: deleted after {@code bound} or this
	 * topic's own retention, whichever is shorter, and never compacted, so that a copy of
	 * an erased line's record is gone within the bound.
	 */
	public NewTopic newHeldCopyTopic(String topicName, Duration bound) {
		return new NewTopic(topicName, Optional.of(this.partitions), Optional.empty())
			.configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE,
					TopicConfig.RETENTION_MS_CONFIG, Long.toString(heldCopyRetention(bound).toMillis())));
	}

	/** How long a copy of this topic's records is kept: the shorter of the two. */
	public Duration heldCopyRetention(Duration bound) {
		return (this.retention != null && this.retention.compareTo(bound) < 0) ? this.retention : bound;
	}

	private NewTopic laidOutAsThis(String topicName) {
		return new NewTopic(topicName, Optional.of(this.partitions), Optional.empty()).configs(configs());
	}

	@Override
	public String toString() {
		return this.name;
	}

}
