package io.keepline.payments.webhook;

import io.keepline.contracts.payment.PaymentEvent;

/**
 * Publishes a payment event to payment-events and returns only once Kafka acknowledged
 * it; throws {@link PaymentNotPublishedException} when it could not.
 */
@FunctionalInterface
public interface PaymentEventPublisher {

	void publish(PaymentEvent event);

}
