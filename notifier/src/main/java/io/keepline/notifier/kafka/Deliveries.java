package io.keepline.notifier.kafka;

import java.time.Duration;
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
 * Runs deadline records' deliveries on a bounded pool of their own, off the listener
 * threads, so that a listener goes on reading while sends wait on an SMTP server, an SMS
 * provider or a webhook receiver. Deliveries are keyed (an operator for webhooks, a line
 * for email and SMS) and each key's run at most {@code perKey} at once, the next waiting
 * their turn in order ({@link Lanes}). A delivery that fails is handed, from the pool, to
 * the retry topics or the dead-letter topic exactly as the container's error handler
 * would; its record is committed (see {@link InOrderAcks}) once its outcomes are durable
 * and it was delivered or handed on. When {@code capacity} deliveries are running or
 * queued, the listener waits for a place up to {@code maxWait}, then defers the record to
 * the retry topics; a key already holding {@code mostPerKey} places has its next record
 * deferred at once.
 */
final class Deliveries implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(Deliveries.class);

	private static final int HAND_OFF_ATTEMPTS = 3;

	private final String name;

	private final String keyName;

	private final ThreadPoolExecutor pool;

	private final Lanes lanes;

	private final int mostPerKey;

	private final Semaphore places;

	private final Duration maxWait;

	private final InOrderAcks acks;

	private final KafkaNotificationRecorder recorder;

	private final String groupId;

	private final AtomicReference<DeadLetterPublishingRecoverer> retryTopics = new AtomicReference<>();

	private Deliveries(String name, String keyName, int threads, int capacity, int perKey, int mostPerKey,
			Duration maxWait, InOrderAcks acks, KafkaNotificationRecorder recorder, String groupId) {
		this.name = name;
		this.keyName = keyName;
		this.pool = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(),
				new CustomizableThreadFactory("notifier-" + name + "-"));
		this.lanes = new Lanes(this.pool, perKey, mostPerKey);
		this.mostPerKey = mostPerKey;
		this.places = new Semaphore(capacity);
		this.maxWait = maxWait;
		this.acks = acks;
		this.recorder = recorder;
		this.groupId = groupId;
	}

	/**
	 * Deliveries that may call a holder's webhook: keyed by operator, {@code perOperator}
	 * at once, an operator holding at most half the places.
	 */
	static Deliveries webhooks(int threads, int perOperator, Duration maxWait, InOrderAcks acks,
			KafkaNotificationRecorder recorder, String groupId) {
		return new Deliveries("webhook", "operator", threads, threads * 4, perOperator, threads * 2, maxWait, acks,
				recorder, groupId);
	}

	/**
	 * Email and SMS deliveries: keyed by line, one at a time, so that the sent-log sees a
	 * line's sends in order and a redelivered event finds its notification sent.
	 */
	static Deliveries messages(int threads, Duration maxWait, InOrderAcks acks, KafkaNotificationRecorder recorder,
			String groupId) {
		return new Deliveries("send", "line", threads, threads * 4, 1, threads * 4, maxWait, acks, recorder, groupId);
	}

	/**
	 * The recoverer the retry topics' error handler uses (all of this listener's route
	 * the same way: by the record's topic, attempts and exception).
	 */
	void handOffThrough(DeadLetterPublishingRecoverer recoverer) {
		this.retryTopics.compareAndSet(null, recoverer);
	}

	/**
	 * Runs {@code delivery} for {@code record} on the pool in {@code key}'s turn; called
	 * on the listener thread, which it never holds longer than the wait for a place.
	 */
	void submit(ConsumerRecord<?, ?> record, InOrderAcks.Entry entry, String key, Runnable delivery) {
		if (!acquirePlace()) {
			throw new TransientDeliveryException(this.name + "_pool_full",
					"no place for a " + this.name + " delivery within " + this.maxWait);
		}
		boolean taken = false;
		try {
			taken = this.lanes.offer(key, () -> deliver(record, entry, delivery));
		}
		finally {
			if (!taken) {
				this.places.release();
			}
		}
		if (!taken) {
			throw new TransientDeliveryException(this.name + "_" + this.keyName + "_busy",
					"one " + this.keyName + " holds " + this.mostPerKey + " " + this.name + " delivery places already");
		}
	}

	private void deliver(ConsumerRecord<?, ?> record, InOrderAcks.Entry entry, Runnable delivery) {
		try {
			this.recorder.answering(record, delivery);
			this.recorder.whenDurable(() -> this.acks.done(entry), this.pool);
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
		ListenerExecutionFailedException wrapped = new ListenerExecutionFailedException(this.name + " delivery failed",
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

	/**
	 * Hands {@code record} to its next retry topic as a delivery that failed with
	 * {@code failure} would be (the retry delivers it again, on the channels not yet
	 * failed); false if it could not be published.
	 */
	boolean redeliver(ConsumerRecord<?, ?> record, RuntimeException failure) {
		DeadLetterPublishingRecoverer recoverer = this.retryTopics.get();
		if (recoverer == null) {
			return false;
		}
		try {
			recoverer.accept(record, null,
					new ListenerExecutionFailedException(this.name + " redelivery", this.groupId, failure));
			return true;
		}
		catch (RuntimeException ex) {
			log.warn("Could not hand deadline record {}-{}@{} to the retry topics: {}", record.topic(),
					record.partition(), record.offset(), ex.toString());
			return false;
		}
	}

	@Override
	public void close() throws InterruptedException {
		this.pool.shutdown();
		if (!this.pool.awaitTermination(this.maxWait.toMillis(), TimeUnit.MILLISECONDS)) {
			this.pool.shutdownNow();
		}
	}

}
