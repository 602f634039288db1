package io.keepline.ingest.ownership;

import org.apache.kafka.streams.KafkaStreams;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Health of the view of line owners, part of readiness: OUT_OF_SERVICE while it catches
 * up with line-events (ingest refuses events meanwhile), UP once it runs, DOWN if it
 * failed.
 */
@Component("ownership")
class OwnershipHealth implements HealthIndicator {

	private final OwnershipView view;

	OwnershipHealth(OwnershipView view) {
		this.view = view;
	}

	@Override
	public Health health() {
		KafkaStreams.State state = this.view.state();
		if (state == KafkaStreams.State.RUNNING) {
			return Health.up().withDetail("state", state.name()).withDetail("lines", this.view.lines()).build();
		}
		if (state == null || state == KafkaStreams.State.CREATED || state == KafkaStreams.State.REBALANCING) {
			return Health.outOfService()
				.withDetail("state", (state != null) ? state.name() : "NOT_STARTED")
				.withDetail("reason", "catching up with line-events; events are refused until then")
				.build();
		}
		return Health.down().withDetail("state", state.name()).build();
	}

}
