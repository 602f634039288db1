package io.keepline.payments.reconcile;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

import io.keepline.contracts.reconcile.ReconciliationCheckpoint;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Shows whether this instance reconciles and how old its checkpoint is, as health details
 * and as the gauge {@value #AGE} (seconds, on the reconciling instance only): an age well
 * past the interval means reconciliation is stuck.
 */
final class ReconciliationHealth implements HealthIndicator {

	/** The gauge of the checkpoint's age in seconds. */
	static final String AGE = "keepline.payments.reconciliation.checkpoint.age";

	private final Reconciliation reconciliation;

	private final Duration staleAfter;

	private final Clock clock;

	ReconciliationHealth(Reconciliation reconciliation, Duration staleAfter, Clock clock, MeterRegistry meters) {
		this.reconciliation = reconciliation;
		this.staleAfter = staleAfter;
		this.clock = clock;
		Gauge
			.builder(AGE, this,
					(health) -> health.age().map(Duration::toSeconds).map(Long::doubleValue).orElse(Double.NaN))
			.baseUnit("seconds")
			.description("Age of the Stripe events reconciliation checkpoint, on the instance that reconciles")
			.register(meters);
	}

	@Override
	public Health health() {
		Optional<ReconciliationCheckpoint> checkpoint = this.reconciliation.checkpoint();
		if (checkpoint.isEmpty()) {
			return Health.up().withDetail("role", "standby (or not started yet)").build();
		}
		Duration age = age().orElseThrow();
		return Health.up()
			.withDetail("role", "reconciles")
			.withDetail("checkpoint", checkpoint.get().created().toString())
			.withDetail("checkpointAgeSeconds", age.toSeconds())
			.withDetail("stale", age.compareTo(this.staleAfter) > 0)
			.build();
	}

	private Optional<Duration> age() {
		return this.reconciliation.checkpoint()
			.map((checkpoint) -> Duration.between(checkpoint.created(), this.clock.instant()));
	}

}
