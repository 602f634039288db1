package io.keepline.payments.renewal;

import java.time.Clock;
import java.util.Map;

import io.keepline.contracts.Msisdn;
import io.keepline.contracts.deadline.DeadlineEvent;
import io.keepline.contracts.topic.KeyMismatchException;
import io.keepline.contracts.topic.Topics;
import io.keepline.payments.PaymentsSettings;
import io.keepline.payments.gateway.PaymentGateway;
import io.keepline.payments.webhook.WebhookProcessor;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;

import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.config.StreamsBuilderFactoryBeanConfigurer;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.serializer.ErrorHandlingDeserializer;
import org.springframework.util.backoff.FixedBackOff;

/**
 * The deadline-events consumer: catalogue deserialisers wrapped in
 * {@link ErrorHandlingDeserializer}, retries with a fixed back-off, then the record goes
 * to the catalogue's dead-letter topic and the consumer goes on; a record keyed by
 * another line goes there at once, a charge whose outcome is not recorded yet never. It
 * consumes only while the line view runs ({@link DeadlineGate}).
 */
@Configuration(proxyBeanMethods = false)
class RenewalConfiguration {

	@Bean
	DeadlineActions deadlineActions(PaymentGateway gateway, WebhookProcessor webhookProcessor, Clock clock) {
		return new DeadlineActions(gateway, webhookProcessor, clock);
	}

	@Bean
	DeadlineGate deadlineGate(KafkaListenerEndpointRegistry registry) {
		return new DeadlineGate(registry);
	}

	/** Tells the gate when the line view's Kafka Streams changes state. */
	@Bean
	StreamsBuilderFactoryBeanConfigurer deadlineGateListener(DeadlineGate deadlineGate) {
		return (factory) -> factory.setStateListener(deadlineGate::onViewState);
	}

	@Bean
	DeadlineConsumerHealth deadlinesHealthIndicator(DeadlineGate deadlineGate) {
		return new DeadlineConsumerHealth(deadlineGate);
	}

	/** Closed with the context, unlike a factory made inside another bean. */
	@Bean
	DefaultKafkaProducerFactory<Object, Object> deadlineDeadLetterProducerFactory(KafkaProperties kafka) {
		Map<String, Object> producer = kafka.buildProducerProperties();
		producer.put(ProducerConfig.ACKS_CONFIG, "all");
		producer.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
		return new DefaultKafkaProducerFactory<>(producer, new DeadLetterSerializer(), new DeadLetterSerializer());
	}

	@Bean
	ConcurrentKafkaListenerContainerFactory<Msisdn, DeadlineEvent> deadlineListenerFactory(KafkaProperties kafka,
			PaymentsSettings settings, DefaultKafkaProducerFactory<Object, Object> deadlineDeadLetterProducerFactory) {
		Map<String, Object> consumer = kafka.buildConsumerProperties();
		consumer.put(ConsumerConfig.GROUP_ID_CONFIG, settings.groupId());
		consumer.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		consumer.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		consumer.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
		var factory = new ConcurrentKafkaListenerContainerFactory<Msisdn, DeadlineEvent>();
		factory.setConsumerFactory(new DefaultKafkaConsumerFactory<>(consumer,
				new ErrorHandlingDeserializer<>(Topics.DEADLINE_EVENTS.keySerde().deserializer()),
				new ErrorHandlingDeserializer<>(Topics.DEADLINE_EVENTS.valueSerde().deserializer())));
		FixedBackOff retries = new FixedBackOff(settings.retryBackoff().toMillis(), settings.retryAttempts());
		// Stripe charged: dead-lettering would lose the outcome, so try until it is
		// published. The handler's own back-off must retry too: with one that never
		// retries, spring-kafka recovers at once without asking the function.
		FixedBackOff untilRecorded = new FixedBackOff(settings.retryBackoff().toMillis(),
				FixedBackOff.UNLIMITED_ATTEMPTS);
		DefaultErrorHandler errors = new DefaultErrorHandler(
				new DeadLetterPublishingRecoverer(new KafkaTemplate<>(deadlineDeadLetterProducerFactory)),
				untilRecorded);
		errors
			.setBackOffFunction((record, ex) -> (ex instanceof OutcomeNotRecordedException) ? untilRecorded : retries);
		errors.addNotRetryableExceptions(KeyMismatchException.class);
		factory.setCommonErrorHandler(errors);
		// a pause for the line view takes effect after the record in hand, not the poll
		factory.getContainerProperties().setPauseImmediate(true);
		return factory;
	}

}
