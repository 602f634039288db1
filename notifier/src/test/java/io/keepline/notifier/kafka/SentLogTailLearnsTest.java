package io.keepline.notifier.kafka;

import java.time.Duration;
import java.util.Map;

import io.keepline.contracts.notification.NotificationEvent;
import io.keepline.contracts.notification.NotificationFailed;
import io.keepline.contracts.notification.NotificationSent;
import io.keepline.contracts.samples.EventSamples;
import io.keepline.notifier.delivery.SentLog;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

class SentLogTailLearnsTest {

	@Test
	void learnsFromEveryNotificationEventType() {
		SentLog sentLog = new SentLog();
		SentLogTail tail = new SentLogTail(Map.of(), sentLog, Duration.ofSeconds(1));
		assertThat(EventSamples.everyPermitted(NotificationEvent.class)).isNotEmpty().allSatisfy((event) -> {
			assertThatCode(() -> tail.learn(event)).as(event.getClass().getSimpleName()).doesNotThrowAnyException();
			if (event instanceof NotificationSent sent) {
				assertThat(sentLog.wasSent(sent.notificationId())).isTrue();
			}
			if (event instanceof NotificationFailed failed) {
				assertThat(sentLog.failedPermanently(failed.notificationId())).isEqualTo(failed.permanent());
			}
		});
	}

}
