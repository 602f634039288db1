package io.keepline.notifier.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.keepline.contracts.Msisdn;
import io.keepline.contracts.notification.NotificationEvent;
import io.keepline.contracts.topic.Topics;
import io.keepline.notifier.delivery.NotificationRecorder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;

/**
 * Publishes notification outcomes to notification-events without waiting for each
 * acknowledgement; {@link #flush()} waits for all of the calling thread's, and
 * {@link #whenDurable} runs a step once they are durable without waiting, so that a
 * deadline record is committed only once the outcomes answering it are durable.
 */
final class KafkaNotificationRecorder implements NotificationRecorder {

	private static final Logger log = LoggerFactory.getLogger(KafkaNotificationRecorder.class);

	private final KafkaTemplate<Msisdn, NotificationEvent> template;

	private final Duration timeout;

	private final ThreadLocal<List<Pending>> pending = ThreadLocal.withInitial(ArrayList::new);

	KafkaNotificationRecorder(KafkaTemplate<Msisdn, NotificationEvent> template, Duration timeout) {
		this.template = template;
		this.timeout = timeout;
	}

	@Override
	public void record(NotificationEvent event) {
		this.pending.get().add(new Pending(event, send(event)));
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
		CompletableFuture.allOf(awaited.stream().map(Pending::sent).toArray(CompletableFuture[]::new))
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
			if (!acknowledged(outcome.sent()) && !acknowledged(send(outcome.event()))) {
				log.error("Could not publish the outcome of notification {}", outcome.event().notificationId());
			}
		}
	}

	private CompletableFuture<SendResult<Msisdn, NotificationEvent>> send(NotificationEvent event) {
		return this.template.send(Topics.NOTIFICATION_EVENTS.name(), event.msisdn(), event);
	}

	private boolean acknowledged(CompletableFuture<SendResult<Msisdn, NotificationEvent>> sent) {
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

	private record Pending(NotificationEvent event, CompletableFuture<SendResult<Msisdn, NotificationEvent>> sent) {

	}

}
