package io.keepline.bench.scheduler;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import io.keepline.bench.Percentiles;
import io.keepline.bench.baseline.BaselineClients;
import io.keepline.contracts.topic.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads deadline-events read_committed in the background, as the notifier would see them,
 * and notes for every {@code ReminderDue} when it became visible against when it was due
 * (both on the benchmark's clock). Only the three fields needed are picked out of the
 * JSON, so that the reader never becomes the bottleneck.
 */
final class ReminderReader implements AutoCloseable {

	private static final byte[] TYPE = "\"type\":\"ReminderDue\"".getBytes(StandardCharsets.US_ASCII);

	private static final byte[] DUE_AT = "\"dueAt\":\"".getBytes(StandardCharsets.US_ASCII);

	private final KafkaConsumer<byte[], byte[]> consumer;

	private final ShiftedClock clock;

	private final Thread thread;

	private final AtomicLong reminders = new AtomicLong();

	private final AtomicReference<Phase> phase = new AtomicReference<>();

	private final Timeline timeline;

	private volatile boolean running = true;

	private volatile Throwable failure;

	/** Reminders seen while a phase is current, and their lateness. */
	static final class Phase {

		final AtomicLong count = new AtomicLong();

		final Percentiles lateness;

		volatile long firstNanos;

		volatile long lastNanos;

		Phase(int expected) {
			this.lateness = new Percentiles(expected);
		}

	}

	ReminderReader(String bootstrapServers, ShiftedClock clock, Timeline timeline) {
		this.clock = clock;
		this.timeline = timeline;
		Map<String, Object> props = BaselineClients.consumer(bootstrapServers, "bench-reminders-" + UUID.randomUUID());
		props.put("max.poll.records", 10_000);
		this.consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
		List<TopicPartition> partitions = this.consumer.partitionsFor(Topics.DEADLINE_EVENTS.name())
			.stream()
			.map((p) -> new TopicPartition(p.topic(), p.partition()))
			.toList();
		this.consumer.assign(partitions);
		this.consumer.seekToEnd(partitions);
		partitions.forEach(this.consumer::position);
		this.thread = new Thread(this::read, "bench-reminder-reader");
		this.thread.setDaemon(true);
		this.thread.start();
	}

	/** Starts a new phase: reminders read from now on count towards it. */
	Phase begin(int expected) {
		Phase next = new Phase(expected);
		this.phase.set(next);
		return next;
	}

	long total() {
		return this.reminders.get();
	}

	void check() {
		if (this.failure != null) {
			throw new IllegalStateException("The reminder reader failed", this.failure);
		}
	}

	private void read() {
		try {
			while (this.running) {
				for (ConsumerRecord<byte[], byte[]> record : this.consumer.poll(Duration.ofMillis(100))) {
					byte[] value = record.value();
					if (value == null || indexOf(value, TYPE, 0) < 0) {
						continue;
					}
					long visible = this.clock.millis();
					long nanos = System.nanoTime();
					long lateness = visible - dueAt(value).toEpochMilli();
					this.reminders.incrementAndGet();
					this.timeline.add(nanos, lateness);
					Phase current = this.phase.get();
					if (current != null) {
						current.lateness.add(lateness * 1_000_000);
						if (current.count.incrementAndGet() == 1) {
							current.firstNanos = nanos;
						}
						current.lastNanos = nanos;
					}
				}
			}
		}
		catch (RuntimeException ex) {
			if (this.running) {
				this.failure = ex;
			}
		}
	}

	private static Instant dueAt(byte[] json) {
		int start = indexOf(json, DUE_AT, 0) + DUE_AT.length;
		int end = start;
		while (json[end] != '"') {
			end++;
		}
		return Instant.parse(new String(json, start, end - start, StandardCharsets.US_ASCII));
	}

	private static int indexOf(byte[] haystack, byte[] needle, int from) {
		outer: for (int i = from; i <= haystack.length - needle.length; i++) {
			for (int j = 0; j < needle.length; j++) {
				if (haystack[i + j] != needle[j]) {
					continue outer;
				}
			}
			return i;
		}
		return -1;
	}

	@Override
	public void close() throws InterruptedException {
		this.running = false;
		this.consumer.wakeup();
		this.thread.join(5_000);
		this.consumer.close(Duration.ofSeconds(2));
	}

}
