package io.keepline.notifier.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
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
 * {@link OutcomesBeforeCommit} calls it before the listener commits the deadline records
 * they answer, so an offset is committed only once its outcome is durable
 * ({@link #whenFlushed}).
 */
final class KafkaNotificationRecorder implements NotificationRecorder {

	private static final Logger log = LoggerFactory.getLogger(KafkaNotificationRecorder.class);

	private final KafkaTemplate<Msisdn, NotificationEvent> template;

	private final Duration timeout;

	private final ThreadLocal<List<Pending>> pending = ThreadLocal.withInitial(ArrayList::new);

	private final ThreadLocal<List<Runnable>> afterFlush = ThreadLocal.withInitial(ArrayList::new);

	KafkaNotificationRecorder(KafkaTemplate<Msisdn, NotificationEvent> template, Duration timeout) {
		this.template = template;
		this.timeout = timeout;
	}

	@Override
	public void record(NotificationEvent event) {
		this.pending.get().add(new Pending(event, send(event)));
	}

	/**
	 * Runs {@code step} on this thread after its next {@link #flush()}, once the outcomes
	 * recorded before it are durable.
	 */
	void whenFlushed(Runnable step) {
		this.afterFlush.get().add(step);
	}

	/**
	 * Waits until the broker acknowledged every outcome this thread recorded; one that
	 * failed is published once more and awaited, and if that fails too it is logged (the
	 * message went out; only a redelivery of its event could now repeat it). Then runs
	 * the steps waiting for it.
	 */
	void flush() {
		awaitOutcomes();
		List<Runnable> steps = this.afterFlush.get();
		if (!steps.isEmpty()) {
			List<Runnable> due = List.copyOf(steps);
			steps.clear();
			due.forEach(Runnable::run);
		}
	}

	private void awaitOutcomes() {
		List<Pending> outcomes = this.pending.get();
		if (outcomes.isEmpty()) {
			return;
		}
		try {
			for (Pending outcome : outcomes) {
				if (!acknowledged(outcome.sent()) && !acknowledged(send(outcome.event()))) {
					log.error("Could not publish the outcome of notification {}", outcome.event().notificationId());
				}
			}
		}
		finally {
			outcomes.clear();
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
