package io.keepline.payments;

import java.time.Clock;
import java.time.Duration;

import io.keepline.contracts.linekey.CardSealer;
import io.keepline.contracts.linekey.DataKey;
import io.keepline.contracts.topic.Topics;
import io.keepline.payments.gateway.PaymentGateway;
import io.keepline.payments.line.LineRecordLookup;
import io.keepline.payments.line.PaymentHistoryLookup;
import io.keepline.payments.webhook.ErasedLineRefunds;
import io.keepline.payments.webhook.KafkaPaymentEventPublisher;
import io.keepline.payments.webhook.PaymentEventPublisher;
import io.keepline.payments.webhook.PublishedOutcomes;
import io.keepline.payments.webhook.StripeEventMapper;
import io.keepline.payments.webhook.WebhookProcessor;
import io.keepline.support.kafka.KafkaClients;
import io.keepline.support.kafka.ServiceTopics;
import io.keepline.support.links.LinkSettings;
import io.keepline.support.startup.StartupFacts;
import org.apache.kafka.common.serialization.ByteArraySerializer;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Wires the payments service: the topics it declares, the producer of payment-events, the
 * webhook pipeline and what it says about itself at start-up.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableConfigurationProperties(PaymentsSettings.class)
class PaymentsConfiguration {

	/** How long a webhook waits for Kafka's acknowledgement before answering 503. */
	static final Duration PUBLISH_TIMEOUT = Duration.ofSeconds(10);

	/**
	 * payment-events, which payments writes; the dead-letter topics of what it reads:
	 * deadline-events (its listener), payment-events and the line records (its global
	 * stores), line-events (its erasure listener).
	 */
	@Bean
	KafkaAdmin.NewTopics paymentsTopics() {
		return ServiceTopics.writes(Topics.PAYMENT_EVENTS)
			.deadLettersOf(Topics.DEADLINE_EVENTS, Topics.PAYMENT_EVENTS, Topics.LINES, Topics.LINE_EVENTS);
	}

	/**
	 * The producer of payment-events and of the line keys that seal their cards (bytes:
	 * the publisher serializes), a bean so that the context closes it.
	 */
	@Bean
	DefaultKafkaProducerFactory<byte[], byte[]> paymentEventsProducer(KafkaClients kafka) {
		return new DefaultKafkaProducerFactory<>(kafka.producerProperties(), new ByteArraySerializer(),
				new ByteArraySerializer());
	}

	/**
	 * Seals each saved card under a new line key wrapped by the deployment's data key
	 * ({@code KEEPLINE_DATA_KEY}, which payments requires as ingest and the scheduler
	 * do), made at the system clock's time: the scheduler shreds the keys made no later
	 * than an erasure's record time.
	 */
	@Bean
	PaymentEventPublisher paymentEventPublisher(DefaultKafkaProducerFactory<byte[], byte[]> paymentEventsProducer,
			DataKey dataKey) {
		return new KafkaPaymentEventPublisher(new KafkaTemplate<>(paymentEventsProducer),
				new CardSealer(dataKey, Clock.systemUTC()), PUBLISH_TIMEOUT);
	}

	@Bean
	WebhookProcessor webhookProcessor(PaymentsSettings settings, Clock clock, PaymentGateway gateway,
			PaymentHistoryLookup histories, LineRecordLookup lines, PaymentEventPublisher publisher,
			ErasedLineRefunds erasedLines) {
		return new WebhookProcessor(settings.stripe().webhookSecret(), settings.stripe().webhookToleranceSeconds(),
				clock, new StripeEventMapper(gateway, lines), new PublishedOutcomes(histories, 100_000), publisher,
				erasedLines);
	}

	/** Where the holder pages are and whether payments go to Stripe or the sandbox. */
	@Bean
	StartupFacts paymentsStartupFacts(PaymentsSettings settings, LinkSettings links) {
		return (facts) -> {
			facts.put("pages at", links.baseUrl());
			facts.put("payments go to", settings.sandbox() ? "the OFFLINE SANDBOX (no real payments)" : "Stripe at "
					+ (hasText(settings.stripe().apiBase()) ? settings.stripe().apiBase() : "api.stripe.com"));
		};
	}

	private static boolean hasText(String value) {
		return value != null && !value.isBlank();
	}

}
