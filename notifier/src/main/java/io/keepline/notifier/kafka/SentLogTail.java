package io.keepline.notifier.kafka;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.keepline.contracts.UnhandledTypeException;
import io.keepline.contracts.notification.NotificationEvent;
import io.keepline.contracts.notification.NotificationFailed;
import io.keepline.contracts.notification.NotificationSent;
import io.keepline.contracts.topic.Topics;
import io.keepline.notifier.delivery.SentLog;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;

/**
 * Keeps the {@link SentLog} in step with notification-events: at start-up (before any
 * deadline event is handled) reads what its store has not seen yet, at most the last
 * {@code retention} of the topic, then follows it, so sends by this and by other
 * instances are known after restarts and rebalances.
 */
final class SentLogTail implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(SentLogTail.class);

	private final Map<String, Object> consumerProperties;

	private final SentLog sentLog;

	private final Duration timeout;

	private final Duration retention;

	private final Map<TopicPartition, Long> positions = new ConcurrentHashMap<>();

	private volatile boolean running;

	private KafkaConsumer<byte[], byte[]> consumer;

	private Thread thread;

	/** A tail that reads the whole topic into a log that remembers no position. */
	SentLogTail(Map<String, Object> consumerProperties, SentLog sentLog, Duration timeout) {
		this(consumerProperties, sentLog, timeout, null);
	}

	/**
	 * @param retention how far back to read when the store has no position: records older
	 * than this (by their timestamp) cannot matter; null for the whole topic
	 */
	SentLogTail(Map<String, Object> consumerProperties, SentLog sentLog, Duration timeout, Duration retention) {
		this.consumerProperties = consumerProperties;
		this.sentLog = sentLog;
		this.timeout = timeout;
		this.retention = retention;
	}

	@Override
	public void start() {
		this.consumer = new KafkaConsumer<>(this.consumerProperties, new ByteArrayDeserializer(),
				new ByteArrayDeserializer());
		List<TopicPartition> partitions = this.consumer.partitionsFor(Topics.NOTIFICATION_EVENTS.name(), this.timeout)
			.stream()
			.map((info) -> new TopicPartition(info.topic(), info.partition()))
			.toList();
		this.consumer.assign(partitions);
		Map<TopicPartition, Long> ends = this.consumer.endOffsets(partitions, this.timeout);
		seekToFirstUnread(partitions, ends);
		this.running = true;
		this.thread = new Thread(this::follow, "sent-log-tail");
		this.thread.setDaemon(true);
		this.thread.start();
		if (!awaitCaughtUp(ends, this.timeout)) {
			stop();
			throw new IllegalStateException("The sent-log could not read notification-events within " + this.timeout);
		}
		log.info("Sent-log caught up with notification-events: about {} entries", this.sentLog.size());
	}

	/**
	 * Starts each partition where the store stopped reading, but never before the first
	 * record of the last {@code retention}; a stored position beyond the end means the
	 * topic was created anew.
	 */
	private void seekToFirstUnread(List<TopicPartition> partitions, Map<TopicPartition, Long> ends) {
		Map<Integer, Long> stored = this.sentLog.store().positions();
		Map<TopicPartition, OffsetAndTimestamp> recent = Map.of();
		if (this.retention != null) {
			// record timestamps are the producers' wall clock
			long since = Clock.systemUTC().millis() - this.retention.toMillis();
			Map<TopicPartition, Long> query = new HashMap<>();
			partitions.forEach((partition) -> query.put(partition, since));
			recent = this.consumer.offsetsForTimes(query, this.timeout);
		}
		for (TopicPartition partition : partitions) {
			long end = ends.getOrDefault(partition, 0L);
			long first = 0;
			if (this.retention != null) {
				OffsetAndTimestamp found = recent.get(partition);
				first = (found != null) ? found.offset() : end;
			}
			Long position = stored.get(partition.partition());
			long start = (position != null && position <= end) ? Math.max(position, first) : first;
			this.consumer.seek(partition, start);
		}
	}

	/**
	 * Waits until every partition was read up to {@code ends}; false if that takes longer
	 * than {@code timeout}.
	 */
	boolean awaitCaughtUp(Map<TopicPartition, Long> ends, Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		synchronized (this.positions) {
			while (!caughtUp(ends)) {
				long left = deadline - System.nanoTime();
				if (left <= 0 || !this.running) {
					return false;
				}
				try {
					this.positions.wait(Math.max(1, left / 1_000_000));
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					return false;
				}
			}
			return true;
		}
	}

	private boolean caughtUp(Map<TopicPartition, Long> ends) {
		return ends.entrySet()
			.stream()
			.allMatch((end) -> this.positions.getOrDefault(end.getKey(), 0L) >= end.getValue());
	}

	private void follow() {
		try {
			while (this.running) {
				ConsumerRecords<byte[], byte[]> records = this.consumer.poll(Duration.ofMillis(200));
				for (ConsumerRecord<byte[], byte[]> record : records) {
					apply(record);
				}
				Map<Integer, Long> read = new HashMap<>();
				for (TopicPartition partition : this.consumer.assignment()) {
					read.put(partition.partition(), this.consumer.position(partition));
				}
				if (!records.isEmpty()) {
					this.sentLog.store().advance(read);
				}
				synchronized (this.positions) {
					for (TopicPartition partition : this.consumer.assignment()) {
						this.positions.put(partition, read.get(partition.partition()));
					}
					this.positions.notifyAll();
				}
			}
		}
		catch (WakeupException ex) {
			// stopping
		}
		finally {
			this.consumer.close(Duration.ofSeconds(1));
		}
	}

	private void apply(ConsumerRecord<byte[], byte[]> record) {
		if (this.retention != null && record.timestamp() < Clock.systemUTC().millis() - this.retention.toMillis()) {
			// timestamps need not grow with offsets: an old record after the first recent
			// one is skipped here
			return;
		}
		NotificationEvent event;
		try {
			event = Topics.NOTIFICATION_EVENTS.valueSerde().deserializer().deserialize(record.topic(), record.value());
		}
		catch (RuntimeException ex) {
			log.warn("Skipped an unreadable notification event at {}-{}@{}", record.topic(), record.partition(),
					record.offset());
			return;
		}
		if (event != null) {
			learn(event);
		}
	}

	/**
	 * Records a sent notification, or one that failed for good; a transient failure
	 * changes nothing.
	 */
	void learn(NotificationEvent event) {
		if (event instanceof NotificationSent sent) {
			this.sentLog.markSent(sent.notificationId());
		}
		else if (event instanceof NotificationFailed failed) {
			if (failed.permanent()) {
				this.sentLog.markFailedPermanently(failed.notificationId());
			}
		}
		else {
			throw new UnhandledTypeException(event);
		}
	}

	/** The partitions of notification-events, to ask a consumer for their end offsets. */
	List<TopicPartition> partitions() {
		return List.copyOf(this.positions.keySet());
	}

	Duration timeout() {
		return this.timeout;
	}

	@Override
	public void stop() {
		this.running = false;
		if (this.consumer != null) {
			this.consumer.wakeup();
		}
		if (this.thread != null) {
			try {
				this.thread.join(5_000);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	/**
	 * Before the listener containers, so no deadline event is handled on an empty log.
	 */
	@Override
	public int getPhase() {
		return 0;
	}

}
