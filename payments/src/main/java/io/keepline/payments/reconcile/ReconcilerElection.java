package io.keepline.payments.reconcile;

import java.time.Duration;
import java.util.Collection;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

import io.keepline.contracts.topic.Topics;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Elects the one payments instance that reconciles: the member of its consumer group that
 * Kafka assigns the single partition of the checkpoint topic. The others stand by and one
 * of them takes over on the rebalance that follows the reconciler's stop or loss; a
 * revocation waits for the running pass to stop (it checks before each event), so that
 * the next instance starts from the checkpoint that pass wrote.
 */
final class ReconcilerElection implements ConsumerRebalanceListener {

	private static final Logger log = LoggerFactory.getLogger(ReconcilerElection.class);

	private static final TopicPartition PARTITION = new TopicPartition(Topics.RECONCILIATION_CHECKPOINTS.name(), 0);

	/** How long a revocation waits for the running pass to stop. */
	private static final Duration HANDOVER_WAIT = Duration.ofSeconds(30);

	private final AtomicBoolean leading = new AtomicBoolean();

	private final ReentrantLock passes = new ReentrantLock();

	/** Whether this instance is the one that reconciles now. */
	boolean leading() {
		return this.leading.get();
	}

	/** Runs {@code pass} if this instance reconciles; a revocation waits for it. */
	<T> Optional<T> whileLeading(Supplier<T> pass) {
		if (!leading()) {
			return Optional.empty();
		}
		this.passes.lock();
		try {
			return leading() ? Optional.of(pass.get()) : Optional.empty();
		}
		finally {
			this.passes.unlock();
		}
	}

	@Override
	public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
		if (partitions.contains(PARTITION) && !this.leading.getAndSet(true)) {
			log.info("Reconciliation runs on this instance");
		}
	}

	@Override
	public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
		standBy(partitions);
	}

	@Override
	public void onPartitionsLost(Collection<TopicPartition> partitions) {
		standBy(partitions);
	}

	private void standBy(Collection<TopicPartition> partitions) {
		if (partitions.contains(PARTITION) && this.leading.getAndSet(false)) {
			awaitTheRunningPass();
			log.info("Reconciliation handed over: this instance stands by");
		}
	}

	private void awaitTheRunningPass() {
		try {
			if (this.passes.tryLock(HANDOVER_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
				this.passes.unlock();
			}
			else {
				log.warn("Reconciliation pass still running after {}: handed over anyway", HANDOVER_WAIT);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
