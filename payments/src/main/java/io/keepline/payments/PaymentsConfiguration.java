package io.keepline.payments;

import java.time.Clock;
import java.time.Duration;

import io.keepline.contracts.Msisdn;
import io.keepline.contracts.payment.PaymentEvent;
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

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
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

	/** A bean, so that the context closes its producer. */
	@Bean
	KafkaTemplate<Msisdn, PaymentEvent> paymentEventsTemplate(KafkaClients kafka) {
		return kafka.template(Topics.PAYMENT_EVENTS);
	}

	@Bean
	PaymentEventPublisher paymentEventPublisher(KafkaTemplate<Msisdn, PaymentEvent> paymentEventsTemplate) {
		return new KafkaPaymentEventPublisher(paymentEventsTemplate, PUBLISH_TIMEOUT);
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
