package io.keepline.notifier.kafka;

import java.util.Collection;
import java.util.Map;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.listener.ConsumerAwareRebalanceListener;

/**
 * Before handling newly assigned partitions, waits until the sent-log has read everything
 * already published to notification-events, by this or another instance; when partitions
 * are revoked or lost, forgets their records still being delivered, so that none of them
 * is acknowledged past unfinished work (the new owner delivers them again).
 */
record OnRebalance(SentLogTail tail, InOrderAcks acks) implements ConsumerAwareRebalanceListener {

	private static final Logger log = LoggerFactory.getLogger(OnRebalance.class);

	@Override
	public void onPartitionsRevokedBeforeCommit(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
		this.acks.forget(partitions);
	}

	@Override
	public void onPartitionsLost(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
		this.acks.forget(partitions);
	}

	@Override
	public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
		if (partitions.isEmpty() || !this.tail.isRunning()) {
			return;
		}
		Map<TopicPartition, Long> ends = consumer.endOffsets(this.tail.partitions(), this.tail.timeout());
		if (!this.tail.awaitCaughtUp(ends, this.tail.timeout())) {
			log.warn("Sent-log still behind notification-events after {}: duplicates are possible",
					this.tail.timeout());
		}
	}

}
