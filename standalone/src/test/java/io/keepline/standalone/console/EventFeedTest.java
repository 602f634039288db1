package io.keepline.standalone.console;

import io.keepline.contracts.KeeplineEvent;
import io.keepline.contracts.rejected.RejectedEvent;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EventFeedTest {

	@Test
	void findsTheLineOfAnEventOfEveryTypeButARejection() {
		assertThat(TopicEvents.everyType()).allSatisfy((KeeplineEvent event) -> {
			String msisdn = EventFeed.msisdn(event);
			if (event instanceof RejectedEvent) {
				assertThat(msisdn).isNull();
			}
			else {
				assertThat(msisdn).startsWith("+");
			}
		});
	}

}
