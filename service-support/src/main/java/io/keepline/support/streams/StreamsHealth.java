package io.keepline.support.streams;

import java.util.function.Consumer;
import java.util.function.Supplier;

import org.apache.kafka.streams.KafkaStreams;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;

/**
 * Health of a service's Kafka Streams application, the same in every service and part of
 * its readiness: UP while RUNNING; OUT_OF_SERVICE while not started yet, created,
 * rebalancing or restoring, and while shutting down (not ready, not broken); DOWN once it
 * failed. A service may add details of its own.
 */
public final class StreamsHealth implements HealthIndicator {

	private final Supplier<KafkaStreams.State> state;

	private final Consumer<Health.Builder> details;

	/**
	 * @param state the application's state, null while it has not started
	 * @param details adds a service's own details
	 */
	public StreamsHealth(Supplier<KafkaStreams.State> state, Consumer<Health.Builder> details) {
		this.state = state;
		this.details = details;
	}

	@Override
	public Health health() {
		KafkaStreams.State current = this.state.get();
		Health.Builder health = Health.status(status(current))
			.withDetail("state", (current != null) ? current.name() : "NOT_STARTED");
		this.details.accept(health);
		return health.build();
	}

	/** The health status of a Streams state (null: not started). */
	public static Status status(KafkaStreams.State state) {
		if (state == KafkaStreams.State.RUNNING) {
			return Status.UP;
		}
		if (state == KafkaStreams.State.ERROR || state == KafkaStreams.State.PENDING_ERROR) {
			return Status.DOWN;
		}
		return Status.OUT_OF_SERVICE;
	}

}
