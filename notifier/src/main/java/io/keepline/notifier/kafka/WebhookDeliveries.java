package io.keepline.notifier.kafka;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import io.keepline.notifier.delivery.TransientDeliveryException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;

/**
 * Runs the deliveries that may call a holder's webhook on a bounded pool, so that the
 * listener thread goes on with other holders' email and SMS while a receiver is slow. A
 * delivery that fails is handed, from the pool, to the retry topics or the dead-letter
 * topic exactly as the container's error handler would; its record is committed (see
 * {@link InOrderAcks}) once its outcomes are durable and it was delivered or handed on.
 * When {@code capacity} deliveries are running or queued, the listener waits for a place
 * (its consumer pauses) up to {@code maxWait}, then defers the record to the retry
 * topics. One operator's deliveries run at most {@code perOperator} at once, the others
 * waiting their turn ({@link OperatorLanes}); an operator already holding half the places
 * has its next record deferred at once.
 */
final class WebhookDeliveries implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(WebhookDeliveries.class);

	private static final int HAND_OFF_ATTEMPTS = 3;

	private final ExecutorService pool;

	private final OperatorLanes operators;

	private final Semaphore places;

	private final Duration maxWait;

	private final InOrderAcks acks;

	private final KafkaNotificationRecorder recorder;

	private final String groupId;

	private final AtomicReference<DeadLetterPublishingRecoverer> retryTopics = new AtomicReference<>();

	WebhookDeliveries(int threads, int capacity, int perOperator, Duration maxWait, InOrderAcks acks,
			KafkaNotificationRecorder recorder, String groupId) {
		this.pool = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(),
				new CustomizableThreadFactory("notifier-webhook-"));
		this.operators = new OperatorLanes(this.pool, perOperator, capacity / 2);
		this.places = new Semaphore(capacity);
		this.maxWait = maxWait;
		this.acks = acks;
		this.recorder = recorder;
		this.groupId = groupId;
	}

	/**
	 * The recoverer the retry topics' error handler uses (all of this listener's route
	 * the same way: by the record's topic, attempts and exception).
	 */
	void handOffThrough(DeadLetterPublishingRecoverer recoverer) {
		this.retryTopics.compareAndSet(null, recoverer);
	}

	/**
	 * Runs {@code delivery} for {@code record}, to a holder of {@code operator}, on the
	 * pool in the operator's turn; called on the listener thread, which it never holds
	 * longer than the wait for a place.
	 */
	void submit(ConsumerRecord<?, ?> record, InOrderAcks.Entry entry, String operator, Runnable delivery) {
		if (!acquirePlace()) {
			throw new TransientDeliveryException("webhook_pool_full",
					"no place for a webhook delivery within " + this.maxWait);
		}
		boolean taken = false;
		try {
			taken = this.operators.offer(operator, () -> deliver(record, entry, delivery));
		}
		finally {
			if (!taken) {
				this.places.release();
			}
		}
		if (!taken) {
			throw new TransientDeliveryException("webhook_operator_busy",
					"operator " + operator + " has half the webhook delivery places already");
		}
	}

	private void deliver(ConsumerRecord<?, ?> record, InOrderAcks.Entry entry, Runnable delivery) {
		try {
			delivery.run();
			this.recorder.flush();
			this.acks.done(entry);
		}
		catch (RuntimeException ex) {
			this.recorder.flush();
			handOff(record, entry, ex);
		}
		finally {
			this.places.release();
		}
	}

	private boolean acquirePlace() {
		try {
			return this.places.tryAcquire(this.maxWait.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	/**
	 * Publishes a failed record to its next retry topic (or the dead letters) and then
	 * lets it be committed; if it cannot be published it stays uncommitted, so a restart
	 * or rebalance delivers it again.
	 */
	private void handOff(ConsumerRecord<?, ?> record, InOrderAcks.Entry entry, RuntimeException failure) {
		DeadLetterPublishingRecoverer recoverer = this.retryTopics.get();
		ListenerExecutionFailedException wrapped = new ListenerExecutionFailedException("webhook delivery failed",
				this.groupId, failure);
		for (int attempt = 1; recoverer != null && attempt <= HAND_OFF_ATTEMPTS; attempt++) {
			try {
				recoverer.accept(record, null, wrapped);
				this.acks.done(entry);
				return;
			}
			catch (RuntimeException ex) {
				log.warn("Could not hand deadline record {}-{}@{} to the retry topics (attempt {}): {}", record.topic(),
						record.partition(), record.offset(), attempt, ex.toString());
			}
		}
		log.error("Deadline record {}-{}@{} left uncommitted: its retry could not be published", record.topic(),
				record.partition(), record.offset());
	}

	@Override
	public void close() throws InterruptedException {
		this.pool.shutdown();
		if (!this.pool.awaitTermination(this.maxWait.toMillis(), TimeUnit.MILLISECONDS)) {
			this.pool.shutdownNow();
		}
	}

}
