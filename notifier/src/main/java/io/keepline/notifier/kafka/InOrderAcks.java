package io.keepline.notifier.kafka;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;

import org.springframework.kafka.support.Acknowledgment;

/**
 * Commits each partition's deadline records in order although they finish out of order
 * (webhook deliveries run on their own threads): a record is acknowledged, which commits
 * it and everything before it, only once it and every earlier record handed to the
 * listener are done. A revoked partition is forgotten: what finishes later is not
 * acknowledged, so nothing is committed past unfinished work.
 */
final class InOrderAcks {

	private final Map<TopicPartition, TreeMap<Long, Entry>> partitions = new HashMap<>();

	/** Starts tracking {@code record}, delivered to the listener with {@code ack}. */
	synchronized Entry begin(ConsumerRecord<?, ?> record, Acknowledgment ack) {
		Entry entry = new Entry(partition(record), record.offset(), ack);
		this.partitions.computeIfAbsent(entry.partition, (p) -> new TreeMap<>()).put(entry.offset, entry);
		return entry;
	}

	/**
	 * Marks {@code entry} done and acknowledges the last of the partition's done records
	 * with nothing unfinished before it; an entry of a revoked partition, or one replaced
	 * by a redelivery of its record, changes nothing.
	 */
	synchronized void done(Entry entry) {
		TreeMap<Long, Entry> pending = this.partitions.get(entry.partition);
		if (pending == null || pending.get(entry.offset) != entry) {
			return;
		}
		entry.done = true;
		Entry last = null;
		while (!pending.isEmpty() && pending.firstEntry().getValue().done) {
			last = pending.pollFirstEntry().getValue();
		}
		if (last != null) {
			last.ack.acknowledge();
		}
	}

	/** Marks done the tracked record the error handler handed to the retry topics. */
	synchronized void done(ConsumerRecord<?, ?> record) {
		TreeMap<Long, Entry> pending = this.partitions.get(partition(record));
		Entry entry = (pending != null) ? pending.get(record.offset()) : null;
		if (entry != null) {
			done(entry);
		}
	}

	synchronized void forget(Collection<TopicPartition> revoked) {
		revoked.forEach(this.partitions::remove);
	}

	/** Records handed to the listener and not acknowledged yet, over every partition. */
	synchronized int pending() {
		return this.partitions.values().stream().mapToInt(Map::size).sum();
	}

	private static TopicPartition partition(ConsumerRecord<?, ?> record) {
		return new TopicPartition(record.topic(), record.partition());
	}

	/** One record handed to the listener. */
	static final class Entry {

		private final TopicPartition partition;

		private final long offset;

		private final Acknowledgment ack;

		private boolean done;

		private Entry(TopicPartition partition, long offset, Acknowledgment ack) {
			this.partition = partition;
			this.offset = offset;
			this.ack = ack;
		}

	}

}
