package io.keepline.testsupport;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import io.keepline.contracts.topic.Topic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serdes;

/**
 * Reads a topic from the beginning with a read_committed consumer of its own, on a
 * background thread, so that tests can assert on what arrived with Awaitility. Records
 * that cannot be deserialised are counted and skipped.
 */
public final class TopicProbe<K, V> implements AutoCloseable {

	private final List<ConsumerRecord<K, V>> records = new CopyOnWriteArrayList<>();

	private final AtomicInteger unreadable = new AtomicInteger();

	private final AtomicBoolean running = new AtomicBoolean(true);

	private final KafkaConsumer<K, V> consumer;

	private final Thread poller;

	private TopicProbe(KafkaCluster cluster, String topic, Deserializer<K> keys, Deserializer<V> values) {
		this.consumer = new KafkaConsumer<>(cluster.consumerProperties(Unique.name("probe")), keys, values);
		this.consumer.subscribe(List.of(topic));
		this.poller = new Thread(this::pollUntilClosed, "probe-" + topic);
		this.poller.setDaemon(true);
		this.poller.start();
	}

	/** Probes a catalogue topic with its own serdes. */
	public static <K, V> TopicProbe<K, V> of(KafkaCluster cluster, Topic<K, V> topic) {
		cluster.createTopics(topic);
		return new TopicProbe<>(cluster, topic.name(), topic.keySerde().deserializer(),
				topic.valueSerde().deserializer());
	}

	/** Probes any topic (a dead-letter topic, say) as raw strings. */
	public static TopicProbe<String, String> raw(KafkaCluster cluster, String topic) {
		return new TopicProbe<>(cluster, topic, Serdes.String().deserializer(), Serdes.String().deserializer());
	}

	public List<ConsumerRecord<K, V>> records() {
		return List.copyOf(this.records);
	}

	public List<V> values() {
		return this.records.stream().map(ConsumerRecord::value).toList();
	}

	/** Values of one type, such as the {@code ReminderDue}s among deadline events. */
	public <T extends V> List<T> values(Class<T> type) {
		return this.records.stream().map(ConsumerRecord::value).filter(type::isInstance).map(type::cast).toList();
	}

	/** How many records could not be deserialised. */
	public int unreadable() {
		return this.unreadable.get();
	}

	private void pollUntilClosed() {
		try {
			while (this.running.get()) {
				try {
					// one copy of the list per poll, not per record: probes may hold
					// 100,000s
					List<ConsumerRecord<K, V>> batch = new ArrayList<>();
					this.consumer.poll(Duration.ofMillis(100)).forEach(batch::add);
					this.records.addAll(batch);
				}
				catch (RecordDeserializationException ex) {
					this.unreadable.incrementAndGet();
					this.consumer.seek(ex.topicPartition(), ex.offset() + 1);
				}
			}
		}
		catch (WakeupException ex) {
			// closing
		}
		finally {
			this.consumer.close(Duration.ofSeconds(1));
		}
	}

	@Override
	public void close() {
		this.running.set(false);
		this.consumer.wakeup();
		try {
			this.poller.join(5_000);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
