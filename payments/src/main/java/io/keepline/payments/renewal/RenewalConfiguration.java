package io.keepline.payments.renewal;

import java.time.Clock;
import java.util.Collection;

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
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.common.TopicPartition;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.config.StreamsBuilderFactoryBeanConfigurer;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.FixedBackOff;

/**
 * The deadline-events consumer: a charge or refund Stripe did not answer is settled aside
 * ({@link UnsettledActions}); other failures are retried with a fixed back-off, then the
 * record goes to the catalogue's dead-letter topic and the consumer goes on; a record
 * keyed by another line goes there at once, a charge whose outcome is not recorded yet
 * never. It consumes only while payments' stores run ({@link DeadlineGate}).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(GatewayRetrySettings.class)
class RenewalConfiguration {

	@Bean
	DeadlineActions deadlineActions(PaymentGateway gateway, WebhookProcessor webhookProcessor, LineRecordLookup lines,
			PaymentHistoryLookup histories, PaymentsSettings settings, GatewayRetrySettings retries,
			MeterRegistry meters, Clock clock) {
		return new DeadlineActions(gateway, webhookProcessor, lines, histories, settings.autoRenewMaxAge(),
				retries.deadline(), meters, clock);
	}

	@Bean
	UnsettledActions unsettledActions(DeadlineActions deadlineActions, GatewayRetrySettings retries,
			MeterRegistry meters) {
		return new UnsettledActions(deadlineActions, retries, meters);
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
	DeadlineConsumerHealth deadlinesHealthIndicator(DeadlineGate deadlineGate, UnsettledActions unsettledActions) {
		return new DeadlineConsumerHealth(deadlineGate, unsettledActions);
	}

	@Bean
	ConcurrentKafkaListenerContainerFactory<Msisdn, DeadlineEvent> deadlineListenerFactory(KafkaClients kafka,
			DeadLetters deadLetters, PaymentsSettings settings, UnsettledActions unsettledActions) {
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
		// the listener acknowledges a record only while its partition holds no unsettled
		// charge or refund; a revoked partition's unsettled work is left to its next
		// owner
		factory.getContainerProperties().setAckMode(ContainerProperties.AckMode.MANUAL);
		factory.getContainerProperties().setConsumerRebalanceListener(new ConsumerRebalanceListener() {

			@Override
			public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
				unsettledActions.forget(partitions);
			}

			@Override
			public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
			}

			@Override
			public void onPartitionsLost(Collection<TopicPartition> partitions) {
				unsettledActions.forget(partitions);
			}

		});
		return factory;
	}

}
