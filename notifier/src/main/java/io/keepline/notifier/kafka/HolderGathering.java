package io.keepline.notifier.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

import io.keepline.contracts.deadline.DeadlineEvent;
import io.keepline.notifier.delivery.Digests;
import io.keepline.notifier.delivery.TransientDeliveryException;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.kafka.listener.ConsumerAwareRebalanceListener;
import org.springframework.kafka.support.Acknowledgment;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;

/**
 * Holds each holder's reminders from holder-reminders for {@code window} after the first
 * arrived, then hands them to {@link Digests} together. Records are committed in order
 * ({@link InOrderAcks}) only once their messages were sent and the outcomes are durable;
 * a batch that could not be sent is tried again with a doubling back-off, its records
 * uncommitted meanwhile. When a partition is revoked, the revocation waits for the sends
 * in flight and drops the partition's batches, which its next owner reads again: one
 * instance sends a holder's digest.
 */
final class HolderGathering implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(HolderGathering.class);

	private final Digests digests;

	private final KafkaNotificationRecorder recorder;

	private final Duration window;

	private final Duration retryBackoff;

	private final Duration maxRetryBackoff;

	private final InOrderAcks acks = new InOrderAcks();

	private final ScheduledThreadPoolExecutor timer;

	/** Sends hold the read lock, a revocation the write lock. */
	private final ReadWriteLock sending = new ReentrantReadWriteLock();

	private final Map<String, Batch> open = new HashMap<>();

	private final Set<Batch> held = new HashSet<>();

	HolderGathering(Digests digests, KafkaNotificationRecorder recorder, Duration window, Duration retryBackoff,
			Duration maxRetryBackoff, int threads) {
		this.digests = digests;
		this.recorder = recorder;
		this.window = window;
		this.retryBackoff = retryBackoff;
		this.maxRetryBackoff = maxRetryBackoff;
		this.timer = new ScheduledThreadPoolExecutor(threads, new CustomizableThreadFactory("notifier-digest-"));
		// at shutdown, batches still waiting stay uncommitted: the next owner reads them
		// again
		this.timer.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
	}

	/** Adds a reminder to its holder's open batch, or opens one for {@code window}. */
	void add(ConsumerRecord<String, DeadlineEvent> record, Acknowledgment ack) {
		InOrderAcks.Entry entry = this.acks.begin(record, ack);
		Batch opened = null;
		synchronized (this) {
			Batch batch = this.open.get(record.key());
			if (batch == null) {
				batch = new Batch(record.key(), new TopicPartition(record.topic(), record.partition()));
				this.open.put(record.key(), batch);
				this.held.add(batch);
				opened = batch;
			}
			batch.events.add(record.value());
			batch.entries.add(entry);
		}
		if (opened != null) {
			Batch first = opened;
			this.timer.schedule(() -> flush(first), this.window.toMillis(), TimeUnit.MILLISECONDS);
		}
	}

	private void flush(Batch batch) {
		synchronized (this) {
			this.open.remove(batch.key, batch);
		}
		this.sending.readLock().lock();
		try {
			if (batch.forgotten) {
				return;
			}
			try {
				this.digests.handle(List.copyOf(batch.events));
				this.recorder.flush();
				synchronized (this) {
					this.held.remove(batch);
				}
				batch.entries.forEach(this.acks::done);
			}
			catch (RuntimeException ex) {
				this.recorder.flush();
				retryLater(batch, ex);
			}
		}
		finally {
			this.sending.readLock().unlock();
		}
	}

	private void retryLater(Batch batch, RuntimeException failure) {
		batch.attempts++;
		long delay = Math.min(this.maxRetryBackoff.toMillis(),
				this.retryBackoff.toMillis() << Math.min(batch.attempts - 1, 20));
		if (failure instanceof TransientDeliveryException) {
			log.info("{} gathered reminders deferred (attempt {}), next try in {} ms: {}", batch.events.size(),
					batch.attempts, delay, failure.getMessage());
		}
		else {
			log.error("{} gathered reminders failed (attempt {}), next try in {} ms", batch.events.size(),
					batch.attempts, delay, failure);
		}
		this.timer.schedule(() -> flush(batch), delay, TimeUnit.MILLISECONDS);
	}

	/**
	 * Waits for the sends in flight, then drops the batches of {@code partitions} and
	 * their records' acknowledgements: their next owner gathers them again and finds what
	 * was sent in the sent-log.
	 */
	void forget(Collection<TopicPartition> partitions) {
		this.sending.writeLock().lock();
		try {
			synchronized (this) {
				this.held.removeIf((batch) -> {
					if (!partitions.contains(batch.partition)) {
						return false;
					}
					batch.forgotten = true;
					this.open.remove(batch.key, batch);
					return true;
				});
			}
			this.acks.forget(partitions);
		}
		finally {
			this.sending.writeLock().unlock();
		}
	}

	/**
	 * The rebalance listener of holder-reminders' container: {@code onAssigned} (the
	 * sent-log catching up) on assignment, {@link #forget} on revocation or loss.
	 */
	ConsumerAwareRebalanceListener rebalanceListener(ConsumerAwareRebalanceListener onAssigned) {
		return new ConsumerAwareRebalanceListener() {

			@Override
			public void onPartitionsRevokedBeforeCommit(Consumer<?, ?> consumer,
					Collection<TopicPartition> partitions) {
				forget(partitions);
			}

			@Override
			public void onPartitionsLost(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
				forget(partitions);
			}

			@Override
			public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
				onAssigned.onPartitionsAssigned(consumer, partitions);
			}

		};
	}

	@Override
	public void close() throws InterruptedException {
		this.timer.shutdown();
		if (!this.timer.awaitTermination(10, TimeUnit.SECONDS)) {
			this.timer.shutdownNow();
		}
	}

	/** One holder's reminders gathered together. */
	private static final class Batch {

		private final String key;

		private final TopicPartition partition;

		private final List<DeadlineEvent> events = new ArrayList<>();

		private final List<InOrderAcks.Entry> entries = new ArrayList<>();

		private volatile boolean forgotten;

		private int attempts;

		private Batch(String key, TopicPartition partition) {
			this.key = key;
			this.partition = partition;
		}

	}

}
