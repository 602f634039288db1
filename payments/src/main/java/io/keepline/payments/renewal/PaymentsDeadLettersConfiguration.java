package io.keepline.payments.renewal;

import io.keepline.contracts.topic.Topics;
import io.keepline.payments.PaymentsSettings;
import io.keepline.support.deadletters.DeadLetterSource;

import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The dead letters payments parks and how each is replayed: deadline events go back to
 * the listener that failed (a replayed charge reuses its Stripe idempotency key, so it
 * cannot charge twice); those of payments' Streams view are only listed.
 */
@Configuration(proxyBeanMethods = false)
class PaymentsDeadLettersConfiguration {

	@Bean
	DeadLetterSource deadlineEventDeadLetters(PaymentsSettings settings, DeadlineListener listener) {
		return DeadLetterSource.replayedBy(settings.groupId(), Topics.DEADLINE_EVENTS,
				(key, event) -> listener.replay(event, key));
	}

	@Bean
	DeadLetterSource viewLineRecordDeadLetters(KafkaProperties kafka) {
		return DeadLetterSource.parkedByStreams(kafka.getStreams().getApplicationId(), Topics.LINES);
	}

	@Bean
	DeadLetterSource viewPaymentEventDeadLetters(KafkaProperties kafka) {
		return DeadLetterSource.parkedByStreams(kafka.getStreams().getApplicationId(), Topics.PAYMENT_EVENTS);
	}

}
