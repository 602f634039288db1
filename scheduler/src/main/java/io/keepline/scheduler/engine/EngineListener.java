package io.keepline.scheduler.engine;

import java.time.Duration;

import io.keepline.contracts.deadline.DeadlineEvent;

/**
 * Told about every deadline event the engine emits, with its lateness (emission minus due
 * instant; zero for events emitted in reaction to an input), for metrics.
 */
@FunctionalInterface
public interface EngineListener {

	/** A listener that ignores everything. */
	EngineListener NONE = (event, lateness) -> {
	};

	void emitted(DeadlineEvent event, Duration lateness);

}
