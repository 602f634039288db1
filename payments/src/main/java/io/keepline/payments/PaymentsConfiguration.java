package io.keepline.payments;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import io.keepline.contracts.Msisdn;
import io.keepline.contracts.link.LinkSigner;
import io.keepline.contracts.payment.PaymentEvent;
import io.keepline.contracts.topic.Topic;
import io.keepline.contracts.topic.Topics;
import io.keepline.payments.gateway.PaymentGateway;
import io.keepline.payments.view.LineLookup;
import io.keepline.payments.webhook.KafkaPaymentEventPublisher;
import io.keepline.payments.webhook.PaymentEventPublisher;
import io.keepline.payments.webhook.PublishedOutcomes;
import io.keepline.payments.webhook.StripeEventMapper;
import io.keepline.payments.webhook.WebhookProcessor;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.ProducerConfig;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Wires the payments service: clock, link signer, the topics it writes, the producer of
 * payment-events and the webhook pipeline.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableConfigurationProperties({ PaymentsSettings.class, LinkSettings.class })
class PaymentsConfiguration {

	/** How long a webhook waits for Kafka's acknowledgement before answering 503. */
	static final Duration PUBLISH_TIMEOUT = Duration.ofSeconds(10);

	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

	@Bean
	LinkSigner linkSigner(LinkSettings links, Clock clock) {
		return LinkSigner.fromSecret(links.secret(), clock);
	}

	@Bean
	NewTopic paymentEventsTopic() {
		return topic(Topics.PAYMENT_EVENTS.name(), Topics.PAYMENT_EVENTS);
	}

	@Bean
	NewTopic deadlineEventsDeadLetterTopic() {
		return topic(Topics.DEADLINE_EVENTS.deadLetter(), Topics.DEADLINE_EVENTS);
	}

	/** A bean of its own so that the context closes its producer. */
	@Bean
	DefaultKafkaProducerFactory<Msisdn, PaymentEvent> paymentEventsProducerFactory(KafkaProperties kafka) {
		Map<String, Object> properties = kafka.buildProducerProperties();
		properties.put(ProducerConfig.ACKS_CONFIG, "all");
		properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
		properties.put(ProducerConfig.LINGER_MS_CONFIG, 1);
		properties.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 4_000);
		properties.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 8_000);
		properties.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 4_000);
		return new DefaultKafkaProducerFactory<>(properties, Topics.PAYMENT_EVENTS.keySerde().serializer(),
				Topics.PAYMENT_EVENTS.valueSerde().serializer());
	}

	@Bean
	KafkaTemplate<Msisdn, PaymentEvent> paymentEventsTemplate(
			DefaultKafkaProducerFactory<Msisdn, PaymentEvent> paymentEventsProducerFactory) {
		return new KafkaTemplate<>(paymentEventsProducerFactory);
	}

	@Bean
	PaymentEventPublisher paymentEventPublisher(KafkaTemplate<Msisdn, PaymentEvent> paymentEventsTemplate) {
		return new KafkaPaymentEventPublisher(paymentEventsTemplate, PUBLISH_TIMEOUT);
	}

	@Bean
	WebhookProcessor webhookProcessor(PaymentsSettings settings, Clock clock, PaymentGateway gateway, LineLookup lines,
			PaymentEventPublisher publisher) {
		return new WebhookProcessor(settings.stripe().webhookSecret(), settings.stripe().webhookToleranceSeconds(),
				clock, new StripeEventMapper(gateway), new PublishedOutcomes(lines, 100_000), publisher);
	}

	private static NewTopic topic(String name, Topic<?, ?> layout) {
		return TopicBuilder.name(name).partitions(layout.partitions()).configs(layout.configs()).build();
	}

}
