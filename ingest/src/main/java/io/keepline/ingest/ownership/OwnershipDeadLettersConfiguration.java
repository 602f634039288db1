package io.keepline.ingest.ownership;

import io.keepline.contracts.topic.Topics;
import io.keepline.support.deadletters.DeadLetterSource;

import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The dead letters ingest parks: line events its line-owners view could not read, listed
 * on the management port, not replayed. (The raw path parks nothing: bad input becomes
 * rejections, an unavailable Kafka a retried transaction.)
 */
@Configuration(proxyBeanMethods = false)
class OwnershipDeadLettersConfiguration {

	@Bean
	DeadLetterSource lineEventDeadLetters(KafkaProperties kafka) {
		return DeadLetterSource.parkedByStreams(kafka.getStreams().getApplicationId(), Topics.LINE_EVENTS);
	}

}
