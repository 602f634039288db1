package io.keepline.support.kafka;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import io.keepline.contracts.topic.Topic;
import io.keepline.contracts.topic.Topics;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * Keeps the dead-letter and retry topics a service declares ({@code <topic>-dlt},
 * {@code <topic>-retry-N}) no longer than the deployment's erasure bound,
 * {@code keepline.retention.held-copies} (default {@link Topic#HELD_COPY_RETENTION}):
 * what they hold are copies of line records that erasure must reach (docs/privacy.md). It
 * sets their configuration in the admin's topic filter, the one hook {@link KafkaAdmin}
 * gives on every declared topic before it creates it. The compacted catalogue topics it
 * declares ({@code keepline.lines.v1}) get the deployment's {@link CompactionBound} where
 * their declaration does not set it, so that an erased line's values leave them within
 * the bound. {@code keepline.rejected-events.v1}, which holds the raw payloads operators
 * sent (holder fields included), is kept {@code keepline.retention.rejected-events}
 * (default {@link #REJECTED_EVENTS}) in segments no longer than the compaction's
 * {@code segment}, so that a refused item is gone within the two together.
 */
final class HeldCopyRetention implements BeanPostProcessor {

	/** The property that sets the bound. */
	static final String PROPERTY = "keepline.retention.held-copies";

	/** The property that sets how long refused items are kept. */
	static final String REJECTED_PROPERTY = "keepline.retention.rejected-events";

	/**
	 * How long refused items are kept by default: with a segment of a day, gone within 30
	 * days.
	 */
	static final Duration REJECTED_EVENTS = Duration.ofDays(29);

	private final Duration bound;

	private final CompactionBound compaction;

	private final Duration rejected;

	HeldCopyRetention(Duration bound, CompactionBound compaction) {
		this(bound, compaction, REJECTED_EVENTS);
	}

	HeldCopyRetention(Duration bound, CompactionBound compaction, Duration rejected) {
		if (bound.isNegative() || bound.isZero()) {
			throw new IllegalArgumentException(PROPERTY + " must be positive, was " + bound);
		}
		if (rejected.isNegative() || rejected.isZero()) {
			throw new IllegalArgumentException(REJECTED_PROPERTY + " must be positive, was " + rejected);
		}
		this.bound = bound;
		this.compaction = compaction;
		this.rejected = rejected;
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (bean instanceof KafkaAdmin admin) {
			admin.setCreateOrModifyTopic(this::bounded);
		}
		return bean;
	}

	/**
	 * Bounds {@code declared} if it holds copies of a catalogue topic, or is a compacted
	 * catalogue topic; creates it.
	 */
	boolean bounded(NewTopic declared) {
		Topics.owning(declared.name()).ifPresent((catalogued) -> {
			if (!catalogued.name().equals(declared.name())) {
				declared.configs(catalogued.newHeldCopyTopic(declared.name(), this.bound).configs());
			}
			else if (catalogued.equals(Topics.REJECTED_EVENTS)) {
				declared.configs(rejectedEvents(this.rejected, this.compaction.segment()));
			}
			else if (catalogued.cleanupPolicy().contains(TopicConfig.CLEANUP_POLICY_COMPACT)) {
				Map<String, String> configs = new HashMap<>(this.compaction.topicConfigs());
				if (declared.configs() != null) {
					configs.putAll(declared.configs());
				}
				declared.configs(configs);
			}
		});
		return true;
	}

	/**
	 * The configuration of {@code keepline.rejected-events.v1}: deleted after
	 * {@code retention}, in segments of {@code segment} at most.
	 */
	static Map<String, String> rejectedEvents(Duration retention, Duration segment) {
		Duration rolled = (segment.compareTo(retention) < 0) ? segment : retention;
		return Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE,
				TopicConfig.RETENTION_MS_CONFIG, Long.toString(retention.toMillis()), TopicConfig.SEGMENT_MS_CONFIG,
				Long.toString(rolled.toMillis()));
	}

}
