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
	 * partition of the record it stands for.
	 */
	public NewTopic newDeadLetterTopic() {
		return laidOutAsThis(deadLetter());
	}

	private NewTopic laidOutAsThis(String topicName) {
		return new NewTopic(topicName, Optional.of(this.partitions), Optional.empty()).configs(configs());
	}

	@Override
	public String toString() {
		return this.name;
	}

}
