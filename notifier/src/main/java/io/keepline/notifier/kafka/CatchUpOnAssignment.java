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
 * already published to notification-events, by this or another instance.
 */
record CatchUpOnAssignment(SentLogTail tail) implements ConsumerAwareRebalanceListener {

	private static final Logger log = LoggerFactory.getLogger(CatchUpOnAssignment.class);

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
