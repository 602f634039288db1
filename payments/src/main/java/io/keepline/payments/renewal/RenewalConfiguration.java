package io.keepline.payments.renewal;

import java.time.Clock;

import io.keepline.contracts.Msisdn;
import io.keepline.contracts.deadline.DeadlineEvent;
import io.keepline.contracts.topic.KeyMismatchException;
import io.keepline.contracts.topic.Topics;
import io.keepline.payments.PaymentsSettings;
import io.keepline.payments.gateway.PaymentGateway;
import io.keepline.payments.line.LineRecordLookup;
import io.keepline.payments.line.PaymentHistoryLookup;
import io.keepline.payments.webhook.WebhookProcessor;
import io.keepline.support.kafka.DeadLetters;
import io.keepline.support.kafka.KafkaClients;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.config.StreamsBuilderFactoryBeanConfigurer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.FixedBackOff;

/**
 * The deadline-events consumer: retries with a fixed back-off, then the record goes to
 * the catalogue's dead-letter topic and the consumer goes on; a record keyed by another
 * line goes there at once, a charge whose outcome is not recorded yet never. It consumes
 * only while payments' stores run (the line records caught up) ({@link DeadlineGate}).
 */
@Configuration(proxyBeanMethods = false)
class RenewalConfiguration {

	@Bean
	DeadlineActions deadlineActions(PaymentGateway gateway, WebhookProcessor webhookProcessor, LineRecordLookup lines,
			PaymentHistoryLookup histories, PaymentsSettings settings, MeterRegistry meters, Clock clock) {
		return new DeadlineActions(gateway, webhookProcessor, lines, histories, settings.autoRenewMaxAge(), meters,
				clock);
	}

	@Bean
	DeadlineGate deadlineGate(KafkaListenerEndpointRegistry registry) {
		return new DeadlineGate(registry);
	}

	/**
	 * Tells the gate when payments' Kafka Streams (its record and history stores) changes
	 * state.
	 */
	@Bean
	StreamsBuilderFactoryBeanConfigurer deadlineGateListener(DeadlineGate deadlineGate) {
		return (factory) -> factory.setStateListener(deadlineGate::onViewState);
	}

	@Bean
	DeadlineConsumerHealth deadlinesHealthIndicator(DeadlineGate deadlineGate) {
		return new DeadlineConsumerHealth(deadlineGate);
	}

	@Bean
	ConcurrentKafkaListenerContainerFactory<Msisdn, DeadlineEvent> deadlineListenerFactory(KafkaClients kafka,
			DeadLetters deadLetters, PaymentsSettings settings) {
		ConcurrentKafkaListenerContainerFactory<Msisdn, DeadlineEvent> factory = kafka
			.listenerFactory(Topics.DEADLINE_EVENTS);
		FixedBackOff retries = new FixedBackOff(settings.retryBackoff().toMillis(), settings.retryAttempts());
		// Stripe charged: dead-lettering would lose the outcome, so retry until it is
		// published. The handler's own back-off must retry too: with one that never
		// retries, spring-kafka recovers at once without asking the function.
		FixedBackOff untilRecorded = new FixedBackOff(settings.retryBackoff().toMillis(),
				FixedBackOff.UNLIMITED_ATTEMPTS);
		DefaultErrorHandler errors = new DefaultErrorHandler(deadLetters.recoverer(settings.groupId()), untilRecorded);
		errors
			.setBackOffFunction((record, ex) -> (ex instanceof OutcomeNotRecordedException) ? untilRecorded : retries);
		errors.addNotRetryableExceptions(KeyMismatchException.class);
		factory.setCommonErrorHandler(errors);
		// a pause for the view takes effect after the record in hand, not the poll
		factory.getContainerProperties().setPauseImmediate(true);
		return factory;
	}

}
