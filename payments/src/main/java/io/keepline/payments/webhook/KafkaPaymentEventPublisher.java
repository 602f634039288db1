package io.keepline.payments.webhook;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.keepline.contracts.Msisdn;
import io.keepline.contracts.payment.PaymentEvent;
import io.keepline.contracts.topic.Topics;

import org.springframework.kafka.core.KafkaTemplate;

/**
 * Sends payment events keyed by msisdn (acks=all, idempotent producer) and waits for the
 * acknowledgement, at most {@code timeout}.
 */
public class KafkaPaymentEventPublisher implements PaymentEventPublisher {

	private final KafkaTemplate<Msisdn, PaymentEvent> template;

	private final Duration timeout;

	public KafkaPaymentEventPublisher(KafkaTemplate<Msisdn, PaymentEvent> template, Duration timeout) {
		this.template = template;
		this.timeout = timeout;
	}

	@Override
	public void publish(PaymentEvent event) {
		try {
			this.template.send(Topics.PAYMENT_EVENTS.name(), event.msisdn(), event)
				.get(this.timeout.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new PaymentNotPublishedException("interrupted while waiting for Kafka", ex);
		}
		catch (ExecutionException | TimeoutException | RuntimeException ex) {
			throw new PaymentNotPublishedException("Kafka did not acknowledge the payment event", ex);
		}
	}

}
