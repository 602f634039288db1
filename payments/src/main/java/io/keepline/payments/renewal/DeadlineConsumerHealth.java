package io.keepline.payments.renewal;

import org.apache.kafka.streams.KafkaStreams;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Health of automatic renewals, part of readiness: OUT_OF_SERVICE while deadline-events
 * wait for the line view (at start-up, during its rebalances), UP while they are
 * consumed, DOWN if the view failed.
 */
class DeadlineConsumerHealth implements HealthIndicator {

	private final DeadlineGate gate;

	DeadlineConsumerHealth(DeadlineGate gate) {
		this.gate = gate;
	}

	@Override
	public Health health() {
		KafkaStreams.State view = this.gate.viewState();
		String state = (view != null) ? view.name() : "NOT_STARTED";
		if (this.gate.consuming()) {
			return Health.up().withDetail("view", state).build();
		}
		if (view == KafkaStreams.State.ERROR || view == KafkaStreams.State.PENDING_ERROR) {
			return Health.down().withDetail("view", state).build();
		}
		return Health.outOfService()
			.withDetail("view", state)
			.withDetail("reason", "deadline-events wait until the line view runs")
			.build();
	}

}
