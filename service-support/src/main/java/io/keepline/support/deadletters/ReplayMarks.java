package io.keepline.support.deadletters;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.keepline.contracts.deadletter.ReplayMark;
import io.keepline.contracts.topic.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import org.springframework.kafka.core.KafkaOperations;

/**
 * The replay marks on {@code dead-letter-replays}: read whole before each listing or
 * replay, written (and acknowledged) after each replay, so that every instance and every
 * restart knows what was replayed.
 */
final class ReplayMarks {

	private final TopicReader reader;

	private final KafkaOperations<String, ReplayMark> template;

	private final Clock clock;

	private final Duration timeout;

	ReplayMarks(TopicReader reader, KafkaOperations<String, ReplayMark> template, Clock clock, Duration timeout) {
		this.reader = reader;
		this.template = template;
		this.clock = clock;
		this.timeout = timeout;
	}

	/** The latest mark of every dead letter that has one. */
	Map<String, ReplayMark> all() {
		Map<String, ReplayMark> marks = new HashMap<>();
		String topic = Topics.DEAD_LETTER_REPLAYS.name();
		for (ConsumerRecord<byte[], byte[]> record : this.reader.readAll(topic)) {
			String key = Topics.DEAD_LETTER_REPLAYS.keySerde().deserializer().deserialize(topic, record.key());
			if (record.value() == null) {
				marks.remove(key);
				continue;
			}
			marks.put(key, Topics.DEAD_LETTER_REPLAYS.valueSerde().deserializer().deserialize(topic, record.value()));
		}
		return marks;
	}

	ReplayMark record(String deadLetter, ReplayMark.Outcome outcome, String reason) {
		ReplayMark mark = new ReplayMark(deadLetter, outcome, reason, this.clock.instant());
		try {
			this.template.send(Topics.DEAD_LETTER_REPLAYS.name(), deadLetter, mark)
				.get(this.timeout.toMillis(), TimeUnit.MILLISECONDS);
			return mark;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while marking " + deadLetter, ex);
		}
		catch (ExecutionException | TimeoutException ex) {
			throw new IllegalStateException("Could not mark " + deadLetter + " as " + outcome, ex);
		}
	}

}
