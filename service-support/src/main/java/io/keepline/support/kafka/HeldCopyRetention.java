package io.keepline.support.kafka;

import java.time.Duration;

import io.keepline.contracts.topic.Topic;
import io.keepline.contracts.topic.Topics;
import org.apache.kafka.clients.admin.NewTopic;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * Keeps the dead-letter and retry topics a service declares ({@code <topic>-dlt},
 * {@code <topic>-retry-N}) no longer than the deployment's erasure bound,
 * {@code keepline.retention.held-copies} (default {@link Topic#HELD_COPY_RETENTION}):
 * what they hold are copies of line records that erasure must reach (docs/privacy.md). It
 * sets their configuration in the admin's topic filter, the one hook {@link KafkaAdmin}
 * gives on every declared topic before it creates it.
 */
final class HeldCopyRetention implements BeanPostProcessor {

	/** The property that sets the bound. */
	static final String PROPERTY = "keepline.retention.held-copies";

	private final Duration bound;

	HeldCopyRetention(Duration bound) {
		if (bound.isNegative() || bound.isZero()) {
			throw new IllegalArgumentException(PROPERTY + " must be positive, was " + bound);
		}
		this.bound = bound;
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (bean instanceof KafkaAdmin admin) {
			admin.setCreateOrModifyTopic(this::bounded);
		}
		return bean;
	}

	/** Bounds {@code declared} if it holds copies of a catalogue topic; creates it. */
	boolean bounded(NewTopic declared) {
		Topics.owning(declared.name())
			.filter((catalogued) -> !catalogued.name().equals(declared.name()))
			.ifPresent((catalogued) -> declared
				.configs(catalogued.newHeldCopyTopic(declared.name(), this.bound).configs()));
		return true;
	}

}
