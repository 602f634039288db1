package io.keepline.scheduler.streams;

import io.keepline.contracts.topic.Topics;
import io.keepline.support.deadletters.DeadLetterSource;

import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The dead letters the scheduler's Streams application parks (unreadable line and payment
 * events, records keyed by another line): listed on the management port, not replayed.
 */
@Configuration(proxyBeanMethods = false)
class SchedulerDeadLettersConfiguration {

	@Bean
	DeadLetterSource lineEventDeadLetters(KafkaProperties kafka) {
		return DeadLetterSource.parkedByStreams(kafka.getStreams().getApplicationId(), Topics.LINE_EVENTS);
	}

	@Bean
	DeadLetterSource paymentEventDeadLetters(KafkaProperties kafka) {
		return DeadLetterSource.parkedByStreams(kafka.getStreams().getApplicationId(), Topics.PAYMENT_EVENTS);
	}

}
