package io.keepline.payments.erasure;

import java.time.Clock;

import io.keepline.contracts.Msisdn;
import io.keepline.contracts.line.LineEvent;
import io.keepline.contracts.topic.KeyMismatchException;
import io.keepline.contracts.topic.Topics;
import io.keepline.payments.PaymentsSettings;
import io.keepline.payments.gateway.GatewayUnavailableException;
import io.keepline.payments.gateway.PaymentGateway;
import io.keepline.payments.line.LineRecordLookup;
import io.keepline.payments.line.PaymentHistoryLookup;
import io.keepline.payments.line.ViewUnavailableException;
import io.keepline.support.kafka.DeadLetters;
import io.keepline.support.kafka.KafkaClients;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.FixedBackOff;

/**
 * Erasure in payments: the line-events consumer that deletes an erased line's Stripe
 * Customers, and the refund of a payment that arrives for an erased line. While Stripe or
 * payments' stores are unavailable an erasure is retried without end (never
 * dead-lettered: the Customer must go); anything else is retried a few times, then
 * dead-lettered and logged, for an operator to replay.
 */
@Configuration(proxyBeanMethods = false)
class ErasureConfiguration {

	@Bean
	LineErasure lineErasure(PaymentHistoryLookup histories, PaymentGateway gateway) {
		return new LineErasure(histories, gateway);
	}

	@Bean
	LatePayments latePayments(LineRecordLookup lines, PaymentGateway gateway, Clock clock) {
		return new LatePayments(lines, gateway, clock);
	}

	@Bean
	ConcurrentKafkaListenerContainerFactory<Msisdn, LineEvent> erasureListenerFactory(KafkaClients kafka,
			DeadLetters deadLetters, PaymentsSettings settings) {
		ConcurrentKafkaListenerContainerFactory<Msisdn, LineEvent> factory = kafka.listenerFactory(Topics.LINE_EVENTS);
		FixedBackOff retries = new FixedBackOff(settings.retryBackoff().toMillis(), settings.retryAttempts());
		FixedBackOff untilDone = new FixedBackOff(settings.retryBackoff().toMillis(), FixedBackOff.UNLIMITED_ATTEMPTS);
		DefaultErrorHandler errors = new DefaultErrorHandler(deadLetters.recoverer(settings.groupId() + "-erasures"),
				untilDone);
		errors.setBackOffFunction((record, ex) -> unavailable(ex) ? untilDone : retries);
		errors.addNotRetryableExceptions(KeyMismatchException.class);
		factory.setCommonErrorHandler(errors);
		return factory;
	}

	private static boolean unavailable(Exception ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof GatewayUnavailableException || cause instanceof ViewUnavailableException) {
				return true;
			}
		}
		return false;
	}

}
