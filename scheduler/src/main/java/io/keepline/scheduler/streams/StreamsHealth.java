package io.keepline.scheduler.streams;

import org.apache.kafka.streams.KafkaStreams;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.stereotype.Component;

/**
 * Health of the deadline engine: UP only while Kafka Streams is RUNNING, so an instance
 * that is still restoring or rebalancing is not taken for ready.
 */
@Component("streams")
class StreamsHealth implements HealthIndicator {

	private final StreamsBuilderFactoryBean factory;

	StreamsHealth(StreamsBuilderFactoryBean factory) {
		this.factory = factory;
	}

	@Override
	public Health health() {
		KafkaStreams streams = this.factory.getKafkaStreams();
		if (streams == null) {
			return Health.down().withDetail("state", "NOT_STARTED").build();
		}
		KafkaStreams.State state = streams.state();
		Health.Builder health = (state == KafkaStreams.State.RUNNING) ? Health.up()
				: (state == KafkaStreams.State.ERROR) ? Health.down() : Health.outOfService();
		return health.withDetail("state", state.name()).build();
	}

}
