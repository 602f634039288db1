package io.keepline.notifier.message;

import io.keepline.contracts.deadline.DeadlineEvent;
import io.keepline.contracts.samples.EventSamples;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

class NoticePlannerTest {

	private final NoticePlanner planner = new NoticePlanner();

	@Test
	void plansForEveryDeadlineEventType() {
		assertThat(EventSamples.everyPermitted(DeadlineEvent.class)).isNotEmpty()
			.allSatisfy((event) -> assertThatCode(() -> this.planner.plan(event)).as(event.getClass().getSimpleName())
				.doesNotThrowAnyException());
	}

}
