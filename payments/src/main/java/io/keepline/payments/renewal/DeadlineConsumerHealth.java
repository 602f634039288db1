package io.keepline.payments.renewal;

import io.keepline.contracts.deadline.AutoRenewalDue;
import io.keepline.contracts.deadline.RefundDue;
import io.keepline.support.streams.StreamsHealth;
import org.apache.kafka.streams.KafkaStreams;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;

/**
 * Health of automatic renewals, part of readiness: UP only while deadline-events are
 * consumed, DOWN if payments' stores failed, OUT_OF_SERVICE while they wait for the view
 * (at start-up, during its rebalances). Its details count the charges and refunds waiting
 * for Stripe.
 */
class DeadlineConsumerHealth implements HealthIndicator {

	private final DeadlineGate gate;

	private final UnsettledActions unsettled;

	DeadlineConsumerHealth(DeadlineGate gate, UnsettledActions unsettled) {
		this.gate = gate;
		this.unsettled = unsettled;
	}

	@Override
	public Health health() {
		KafkaStreams.State view = this.gate.viewState();
		String state = (view != null) ? view.name() : "NOT_STARTED";
		if (this.gate.consuming()) {
			return Health.up()
				.withDetail("view", state)
				.withDetail("chargesWaitingForStripe", this.unsettled.count(AutoRenewalDue.class))
				.withDetail("refundsWaitingForStripe", this.unsettled.count(RefundDue.class))
				.build();
		}
		if (StreamsHealth.status(view) == Status.DOWN) {
			return Health.down().withDetail("view", state).build();
		}
		return Health.outOfService()
			.withDetail("view", state)
			.withDetail("reason", "deadline-events wait until the line records are caught up")
			.build();
	}

}
