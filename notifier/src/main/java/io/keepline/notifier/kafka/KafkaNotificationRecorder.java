package io.keepline.notifier.kafka;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.keepline.contracts.Msisdn;
import io.keepline.contracts.notification.NotificationEvent;
import io.keepline.contracts.topic.Topics;
import io.keepline.notifier.delivery.NotificationRecorder;
import io.keepline.notifier.delivery.TransientDeliveryException;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Publishes notification outcomes to notification-events and waits for the broker's
 * acknowledgement, so that the deadline record is committed only after its outcome is
 * durable.
 */
final class KafkaNotificationRecorder implements NotificationRecorder {

	private final KafkaTemplate<Msisdn, NotificationEvent> template;

	private final Duration timeout;

	KafkaNotificationRecorder(KafkaTemplate<Msisdn, NotificationEvent> template, Duration timeout) {
		this.template = template;
		this.timeout = timeout;
	}

	@Override
	public void record(NotificationEvent event) {
		try {
			this.template.send(Topics.NOTIFICATION_EVENTS.name(), event.msisdn(), event)
				.get(this.timeout.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (ExecutionException | TimeoutException ex) {
			throw new TransientDeliveryException("publish_failed", "could not publish the notification outcome", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new TransientDeliveryException("interrupted", "interrupted while publishing", ex);
		}
	}

}
