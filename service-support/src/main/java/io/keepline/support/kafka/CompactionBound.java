package io.keepline.support.kafka;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.kafka.common.config.TopicConfig;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.env.Environment;

/**
 * How soon a compacted topic that holds line records forgets an erased line's values
 * ({@code keepline.compaction.*}): {@code keepline.lines.v1} and every Streams changelog.
 * Kafka compacts only closed segments: a segment closes at the first write after it is
 * {@code segment} old, and the cleaner compacts it within {@code maxCompactionLag} of its
 * records' time whatever its dirty ratio; a tombstone stays {@code deleteRetention}. The
 * bound is {@code segment} + {@code maxCompactionLag} after a later write to the
 * partition (docs/privacy.md, "Bounds"). The stores that hold a holder or a card forget
 * an erased line's value in their RocksDB files within {@code stateLag} of the flush of
 * its deletion ({@link io.keepline.support.streams.ErasedValueCompaction}).
 *
 * @param segment {@code segment.ms}
 * @param maxCompactionLag {@code max.compaction.lag.ms}
 * @param deleteRetention {@code delete.retention.ms}
 * @param minCleanableDirtyRatio {@code min.cleanable.dirty.ratio}
 * @param stateLag longest time from a flushed deletion in a store holding personal data
 * to the RocksDB compaction that drops the deleted value
 */
public record CompactionBound(@DefaultValue("1d") Duration segment, @DefaultValue("7d") Duration maxCompactionLag,
		@DefaultValue("1d") Duration deleteRetention, @DefaultValue("0.5") double minCleanableDirtyRatio,
		@DefaultValue("1d") Duration stateLag) {

	/** The prefix of its properties. */
	public static final String PREFIX = "keepline.compaction";

	/** The production defaults. */
	public static final CompactionBound DEFAULTS = new CompactionBound(Duration.ofDays(1), Duration.ofDays(7),
			Duration.ofDays(1), 0.5, Duration.ofDays(1));

	public CompactionBound {
		positive(segment, "segment");
		positive(maxCompactionLag, "max-compaction-lag");
		positive(deleteRetention, "delete-retention");
		positive(stateLag, "state-lag");
		if (!(minCleanableDirtyRatio > 0 && minCleanableDirtyRatio <= 1)) {
			throw new IllegalArgumentException(
					PREFIX + ".min-cleanable-dirty-ratio must be in (0, 1], was " + minCleanableDirtyRatio);
		}
	}

	/** The deployment's {@code keepline.compaction.*}, the defaults where unset. */
	public static CompactionBound from(Environment environment) {
		return Binder.get(environment).bind(PREFIX, CompactionBound.class).orElse(DEFAULTS);
	}

	/** How long an erased line's value may stay after a later write to its partition. */
	public Duration bound() {
		return this.segment.plus(this.maxCompactionLag);
	}

	/** The topic configuration that sets the bound. */
	public Map<String, String> topicConfigs() {
		Map<String, String> configs = new LinkedHashMap<>();
		configs.put(TopicConfig.SEGMENT_MS_CONFIG, Long.toString(this.segment.toMillis()));
		configs.put(TopicConfig.MAX_COMPACTION_LAG_MS_CONFIG, Long.toString(this.maxCompactionLag.toMillis()));
		configs.put(TopicConfig.DELETE_RETENTION_MS_CONFIG, Long.toString(this.deleteRetention.toMillis()));
		configs.put(TopicConfig.MIN_CLEANABLE_DIRTY_RATIO_CONFIG, Double.toString(this.minCleanableDirtyRatio));
		return configs;
	}

	private static void positive(Duration duration, String name) {
		if (duration == null || duration.isNegative() || duration.isZero()) {
			throw new IllegalArgumentException(PREFIX + "." + name + " must be positive, was " + duration);
		}
	}

}
