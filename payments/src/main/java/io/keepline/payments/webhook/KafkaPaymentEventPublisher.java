package io.keepline.payments.webhook;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.keepline.contracts.Msisdn;
import io.keepline.contracts.linekey.CardSealer;
import io.keepline.contracts.linekey.LineKey;
import io.keepline.contracts.linekey.LineKeyId;
import io.keepline.contracts.linekey.SealedEvent;
import io.keepline.contracts.payment.PaymentEvent;
import io.keepline.contracts.topic.Topics;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serializer;

import org.springframework.kafka.core.KafkaTemplate;

/**
 * Sends payment events keyed by msisdn (acks=all, idempotent producer) and waits for the
 * acknowledgement, at most {@code timeout}. A saved card is sealed under a new line key,
 * sent to the key topic and acknowledged before the event: no reader ever meets a card
 * whose key was not written. A key whose event then fails stays unused, and is shredded
 * with the line's other keys.
 */
public class KafkaPaymentEventPublisher implements PaymentEventPublisher {

	private static final String EVENT_TOPIC = Topics.PAYMENT_EVENTS.name();

	private static final String KEY_TOPIC = Topics.LINE_KEYS.name();

	private final KafkaTemplate<byte[], byte[]> template;

	private final CardSealer sealer;

	private final Duration timeout;

	private final Serializer<Msisdn> msisdns = Topics.PAYMENT_EVENTS.keySerde().serializer();

	private final Serializer<LineKeyId> keyIds = Topics.LINE_KEYS.keySerde().serializer();

	private final Serializer<LineKey> keyValues = Topics.LINE_KEYS.valueSerde().serializer();

	public KafkaPaymentEventPublisher(KafkaTemplate<byte[], byte[]> template, CardSealer sealer, Duration timeout) {
		this.template = template;
		this.sealer = sealer;
		this.timeout = timeout;
	}

	@Override
	public void publish(PaymentEvent event) {
		try {
			SealedEvent sealed = this.sealer.seal(event);
			if (sealed.keyed()) {
				send(new ProducerRecord<>(KEY_TOPIC, this.keyIds.serialize(KEY_TOPIC, sealed.keyId()),
						this.keyValues.serialize(KEY_TOPIC, sealed.key())));
			}
			send(new ProducerRecord<>(EVENT_TOPIC, this.msisdns.serialize(EVENT_TOPIC, event.msisdn()),
					sealed.value()));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new PaymentNotPublishedException("interrupted while waiting for Kafka", ex);
		}
		catch (ExecutionException | TimeoutException | RuntimeException ex) {
			throw new PaymentNotPublishedException("Kafka did not acknowledge the payment event", ex);
		}
	}

	private void send(ProducerRecord<byte[], byte[]> record)
			throws InterruptedException, ExecutionException, TimeoutException {
		this.template.send(record).get(this.timeout.toMillis(), TimeUnit.MILLISECONDS);
	}

}
