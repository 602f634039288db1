package io.keepline.standalone.console;

import io.keepline.contracts.KeeplineEvent;
import io.keepline.contracts.notice.ItemRejected;
import io.keepline.contracts.rejected.RejectedEvent;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EventFeedTest {

	@Test
	void findsTheLineOfAnEventOfEveryTypeButARejectionOrARejectedItemNotice() {
		assertThat(TopicEvents.everyType()).allSatisfy((KeeplineEvent event) -> {
			String msisdn = EventFeed.msisdn(event);
			if (event instanceof RejectedEvent || event instanceof ItemRejected) {
				assertThat(msisdn).isNull();
			}
			else {
				assertThat(msisdn).startsWith("+");
			}
		});
	}

}
