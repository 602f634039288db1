package io.keepline.support.linekeys;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import io.keepline.contracts.linekey.DataKey;
import io.keepline.contracts.topic.Topics;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The line keys that seal holder contacts on line-events and saved cards on
 * payment-events ({@code keepline.line-keys.*}), the same for ingest and payments that
 * write them and the scheduler that reads and shreds them: the deployment's data key
 * ({@code KEEPLINE_DATA_KEY}, 32 random bytes in base64, no default), how long a reader
 * waits for a key written moments ago, and how soon a shredded key leaves the key topic's
 * bytes (its segment rolls within {@code segment}, the cleaner compacts it within
 * {@code maxCompactionLag}, its tombstone stays {@code deleteRetention}).
 *
 * @param dataKey the data key, base64
 * @param keyWait how long after sealing a reader waits for a key not yet visible
 * @param segment {@code segment.ms} of the key topic
 * @param maxCompactionLag {@code max.compaction.lag.ms} of the key topic
 * @param deleteRetention {@code delete.retention.ms} of the key topic
 */
@ConfigurationProperties("keepline.line-keys")
public record LineKeySettings(String dataKey, @DefaultValue("10s") Duration keyWait,
		@DefaultValue("1d") Duration segment, @DefaultValue("7d") Duration maxCompactionLag,
		@DefaultValue("1d") Duration deleteRetention) {

	private static final String NAME = "KEEPLINE_DATA_KEY (keepline.line-keys.data-key)";

	public LineKeySettings {
		if (dataKey == null || dataKey.isBlank()) {
			throw new IllegalArgumentException(NAME + " must be set: 32 random bytes in base64, the same for every "
					+ "service that seals or opens holder contacts and cards (openssl rand -base64 32)");
		}
		parse(dataKey);
		positive(keyWait, "key-wait");
		positive(segment, "segment");
		positive(maxCompactionLag, "max-compaction-lag");
		positive(deleteRetention, "delete-retention");
	}

	/** The data key. */
	public DataKey key() {
		return parse(this.dataKey);
	}

	/**
	 * How long a shredded key may stay in the key topic's bytes: its segment rolled, then
	 * compacted.
	 */
	public Duration shreddingBound() {
		return this.segment.plus(this.maxCompactionLag);
	}

	/** The key topic, compacted within the bound. */
	public NewTopic newTopic() {
		Map<String, String> configs = new HashMap<>(Topics.LINE_KEYS.configs());
		configs.put(TopicConfig.SEGMENT_MS_CONFIG, Long.toString(this.segment.toMillis()));
		configs.put(TopicConfig.MAX_COMPACTION_LAG_MS_CONFIG, Long.toString(this.maxCompactionLag.toMillis()));
		configs.put(TopicConfig.DELETE_RETENTION_MS_CONFIG, Long.toString(this.deleteRetention.toMillis()));
		return Topics.LINE_KEYS.newTopic().configs(configs);
	}

	private static DataKey parse(String dataKey) {
		try {
			return DataKey.of(dataKey);
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException(NAME + ": " + ex.getMessage(), ex);
		}
	}

	private static void positive(Duration duration, String name) {
		if (duration.isNegative() || duration.isZero()) {
			throw new IllegalArgumentException("keepline.line-keys." + name + " must be positive, was " + duration);
		}
	}

	@Override
	public String toString() {
		return "LineKeySettings[keyWait=" + this.keyWait + ", segment=" + this.segment + ", maxCompactionLag="
				+ this.maxCompactionLag + ", deleteRetention=" + this.deleteRetention + "]";
	}

}
