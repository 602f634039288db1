package io.keepline.standalone.console;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EventSummariesTest {

	@Test
	void summarisesAnEventOfEveryType() {
		assertThat(TopicEvents.everyType()).allSatisfy((event) -> assertThat(EventSummaries.of(event)).isNotBlank());
	}

}
