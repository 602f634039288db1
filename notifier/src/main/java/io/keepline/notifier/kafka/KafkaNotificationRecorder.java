package io.keepline.notifier.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import io.keepline.contracts.Channel;
import io.keepline.contracts.Msisdn;
import io.keepline.contracts.notification.NotificationEvent;
import io.keepline.contracts.notification.NotificationSent;
import io.keepline.contracts.notification.SmsSent;
import io.keepline.contracts.topic.Topics;
import io.keepline.notifier.delivery.NotificationRecorder;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;

/**
 * Publishes notification outcomes to notification-events without waiting for each
 * acknowledgement; {@link #flush()} waits for all of the calling thread's, and
 * {@link #whenDurable} runs a step once they are durable without waiting, so that a
 * deadline record is committed only once the outcomes answering it are durable. An SMS
 * sent while {@link #answering answering} a record is also recorded on {@code sms-sent}
 * under the provider's message id, with that record's coordinates, as durable as the
 * outcome itself, for the provider's delivery reports ({@link SmsFeedback}).
 */
final class KafkaNotificationRecorder implements NotificationRecorder {

	private static final Logger log = LoggerFactory.getLogger(KafkaNotificationRecorder.class);

	private final KafkaTemplate<Msisdn, NotificationEvent> template;

	private final Duration timeout;

	private final KafkaTemplate<String, SmsSent> smsTemplate;

	private final ThreadLocal<List<Pending>> pending = ThreadLocal.withInitial(ArrayList::new);

	private final ThreadLocal<ConsumerRecord<?, ?>> source = new ThreadLocal<>();

	KafkaNotificationRecorder(KafkaTemplate<Msisdn, NotificationEvent> template, Duration timeout) {
		this(template, null, timeout);
	}

	/**
	 * @param smsTemplate where SMS sent are recorded by message id; null to record none
	 */
	KafkaNotificationRecorder(KafkaTemplate<Msisdn, NotificationEvent> template,
			KafkaTemplate<String, SmsSent> smsTemplate, Duration timeout) {
		this.template = template;
		this.smsTemplate = smsTemplate;
		this.timeout = timeout;
	}

	/**
	 * Runs {@code delivery}, the handling of {@code record}, on this thread, so that an
	 * SMS it sends is recorded with that record's coordinates.
	 */
	void answering(ConsumerRecord<?, ?> record, Runnable delivery) {
		this.source.set(record);
		try {
			delivery.run();
		}
		finally {
			this.source.remove();
		}
	}

	@Override
	public void record(NotificationEvent event) {
		this.pending.get().add(new Pending(event.notificationId(), () -> send(event)));
		ConsumerRecord<?, ?> record = this.source.get();
		if (this.smsTemplate != null && record != null && event instanceof NotificationSent sent
				&& sent.channel() == Channel.SMS && sent.providerMessageId() != null) {
			SourceRecord origin = SourceRecord.of(record);
			SmsSent sms = new SmsSent(sent.msisdn(), sent.notificationId(), sent.sourceEventId(), sent.template(),
					sent.locale(), origin.topic(), origin.partition(), origin.offset(), sent.occurredAt());
			this.pending.get()
				.add(new Pending(sent.notificationId(),
						() -> this.smsTemplate.send(Topics.SMS_SENT.name(), sent.providerMessageId(), sms)));
		}
	}

	/**
	 * Waits until the broker acknowledged every outcome this thread recorded; one that
	 * failed is published once more and awaited, and if that fails too it is logged (the
	 * message went out; only a redelivery of its event could now repeat it).
	 */
	void flush() {
		List<Pending> outcomes = this.pending.get();
		if (outcomes.isEmpty()) {
			return;
		}
		try {
			await(outcomes);
		}
		finally {
			outcomes.clear();
		}
	}

	/**
	 * Runs {@code step} once every outcome this thread recorded is durable, without
	 * waiting for them: on the producer's thread when all were acknowledged, else on
	 * {@code retries}, after the failed ones were published once more as {@link #flush()}
	 * does.
	 */
	void whenDurable(Runnable step, Executor retries) {
		List<Pending> outcomes = this.pending.get();
		if (outcomes.isEmpty()) {
			step.run();
			return;
		}
		List<Pending> awaited = List.copyOf(outcomes);
		outcomes.clear();
		CompletableFuture.allOf(awaited.stream().map(Pending::first).toArray(CompletableFuture[]::new))
			.whenComplete((ignored, failure) -> {
				if (failure == null) {
					step.run();
				}
				else {
					retries.execute(() -> {
						await(awaited);
						step.run();
					});
				}
			});
	}

	private void await(List<Pending> outcomes) {
		for (Pending outcome : outcomes) {
			if (!acknowledged(outcome.first()) && !acknowledged(outcome.publish().get())) {
				log.error("Could not publish the outcome of notification {}", outcome.notificationId());
			}
		}
	}

	private CompletableFuture<SendResult<Msisdn, NotificationEvent>> send(NotificationEvent event) {
		return this.template.send(Topics.NOTIFICATION_EVENTS.name(), event.msisdn(), event);
	}

	private boolean acknowledged(CompletableFuture<? extends SendResult<?, ?>> sent) {
		try {
			sent.get(this.timeout.toMillis(), TimeUnit.MILLISECONDS);
			return true;
		}
		catch (ExecutionException | TimeoutException ex) {
			log.warn("A notification outcome was not acknowledged: {}", ex.toString());
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	/** A record published once, and how to publish it again. */
	private record Pending(String notificationId, Supplier<CompletableFuture<? extends SendResult<?, ?>>> publish,
			CompletableFuture<? extends SendResult<?, ?>> first) {

		Pending(String notificationId, Supplier<CompletableFuture<? extends SendResult<?, ?>>> publish) {
			this(notificationId, publish, publish.get());
		}

	}

}
