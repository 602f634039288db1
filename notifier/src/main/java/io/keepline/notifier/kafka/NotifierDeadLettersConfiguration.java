package io.keepline.notifier.kafka;

import io.keepline.contracts.topic.KeyMismatchException;
import io.keepline.contracts.topic.Topics;
import io.keepline.notifier.delivery.Notifier;
import io.keepline.notifier.NotifierSettings;
import io.keepline.support.deadletters.DeadLetterSource;

import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The dead letters the notifier parks and how each is replayed: deadline events (after
 * the retry topics gave up, e.g. an SMTP outage longer than the retry window) and code
 * requests go back to the code that failed (a webhook is called on the replaying thread),
 * whose sent-log makes a reminder already sent a no-op, and their outcomes are published
 * before the replay answers; the line records' Streams application's are only listed.
 */
@Configuration(proxyBeanMethods = false)
class NotifierDeadLettersConfiguration {

	@Bean
	DeadLetterSource deadlineEventDeadLetters(NotifierSettings settings, Notifier notifier,
			KafkaNotificationRecorder notificationRecorder) {
		return DeadLetterSource.replayedBy(settings.groupId(), Topics.DEADLINE_EVENTS, (key, event) -> {
			try {
				KeyMismatchException.check(key, event.msisdn());
				notifier.handle(event);
			}
			finally {
				notificationRecorder.flush();
			}
		});
	}

	@Bean
	DeadLetterSource paymentEventDeadLetters(PaymentEventListener listener,
			KafkaNotificationRecorder notificationRecorder) {
		return DeadLetterSource.replayedBy(listener.groupId(), Topics.PAYMENT_EVENTS, (key, event) -> {
			try {
				listener.on(event, key);
			}
			finally {
				notificationRecorder.flush();
			}
		});
	}

	@Bean
	DeadLetterSource lineRecordDeadLetters(KafkaProperties kafka) {
		return DeadLetterSource.parkedByStreams(kafka.getStreams().getApplicationId(), Topics.LINES);
	}

}
