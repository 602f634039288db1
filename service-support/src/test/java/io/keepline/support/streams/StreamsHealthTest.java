package io.keepline.support.streams;

import java.util.concurrent.atomic.AtomicReference;

import org.apache.kafka.streams.KafkaStreams.State;
import org.junit.jupiter.api.Test;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

import static org.assertj.core.api.Assertions.assertThat;

class StreamsHealthTest {

	@Test
	void upOnlyWhileRunningDownOnlyOnceFailed() {
		assertThat(StreamsHealth.status(State.RUNNING)).isEqualTo(Status.UP);
		assertThat(StreamsHealth.status(State.ERROR)).isEqualTo(Status.DOWN);
		assertThat(StreamsHealth.status(State.PENDING_ERROR)).isEqualTo(Status.DOWN);
		for (State notReady : new State[] { null, State.CREATED, State.REBALANCING, State.PENDING_SHUTDOWN,
				State.NOT_RUNNING }) {
			assertThat(StreamsHealth.status(notReady)).as("%s", notReady).isEqualTo(Status.OUT_OF_SERVICE);
		}
	}

	@Test
	void reportsTheStateAndTheServicesOwnDetails() {
		AtomicReference<State> state = new AtomicReference<>();
		StreamsHealth health = new StreamsHealth(state::get, (builder) -> builder.withDetail("lines", 3));

		Health notStarted = health.health();
		state.set(State.RUNNING);
		Health running = health.health();

		assertThat(notStarted.getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
		assertThat(notStarted.getDetails()).containsEntry("state", "NOT_STARTED").containsEntry("lines", 3);
		assertThat(running.getStatus()).isEqualTo(Status.UP);
		assertThat(running.getDetails()).containsEntry("state", "RUNNING");
	}

}
