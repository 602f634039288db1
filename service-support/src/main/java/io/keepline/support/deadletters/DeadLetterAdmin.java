package io.keepline.support.deadletters;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.keepline.contracts.deadletter.ReplayMark;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.kafka.support.KafkaHeaders;

/**
 * A service's dead letters: those its own consumer groups parked
 * ({@link DeadLetterSource} beans), listed with their origin and reason, and replayed
 * through the handler of the group that parked them. A replay is marked
 * ({@link ReplayMarks}) once handled, so that replaying again does nothing; one that
 * fails again stays parked with the new reason.
 */
public final class DeadLetterAdmin {

	private static final Logger log = LoggerFactory.getLogger(DeadLetterAdmin.class);

	private final List<DeadLetterSource> sources;

	private final TopicReader reader;

	private final ReplayMarks marks;

	DeadLetterAdmin(List<DeadLetterSource> sources, TopicReader reader, ReplayMarks marks) {
		this.sources = List.copyOf(sources);
		this.reader = reader;
		this.marks = marks;
	}

	/** This service's dead letters, of one dead-letter topic or (null) of all. */
	public List<DeadLetter> list(String deadLetterTopic) {
		Map<String, ReplayMark> replayed = this.marks.all();
		List<DeadLetter> letters = new ArrayList<>();
		for (String topic : topics(deadLetterTopic)) {
			for (ConsumerRecord<byte[], byte[]> record : this.reader.readAll(topic)) {
				source(record).ifPresent((source) -> letters.add(describe(record, source, replayed)));
			}
		}
		return letters;
	}

	/** One of this service's dead letters with its key and value. */
	public Optional<DeadLetterDetail> show(String topic, int partition, long offset) {
		Map<String, ReplayMark> replayed = this.marks.all();
		return find(topic, partition, offset)
			.flatMap((record) -> source(record).map((source) -> new DeadLetterDetail(describe(record, source, replayed),
					text(record.key()), text(record.value()))));
	}

	/** Replays one dead letter; empty when it is not one of this service's. */
	public synchronized Optional<ReplayResult> replay(String topic, int partition, long offset) {
		Map<String, ReplayMark> replayed = this.marks.all();
		return find(topic, partition, offset)
			.flatMap((record) -> source(record).map((source) -> replay(record, source, replayed)));
	}

	/**
	 * Replays every dead letter of {@code topic} this service parked and has not
	 * replayed.
	 */
	public synchronized ReplaySummary replayAll(String topic) {
		Map<String, ReplayMark> replayed = this.marks.all();
		List<ReplayResult> results = new ArrayList<>();
		for (ConsumerRecord<byte[], byte[]> record : this.reader.readAll(topic)) {
			Optional<DeadLetterSource> source = source(record);
			if (source.isEmpty() || isReplayed(replayed.get(id(record)))) {
				continue;
			}
			results.add(replay(record, source.get(), replayed));
		}
		return ReplaySummary.of(topic, results);
	}

	/** The dead-letter topics this service's consumer groups park records on. */
	public Set<String> topics() {
		Set<String> topics = new LinkedHashSet<>();
		this.sources.forEach((source) -> topics.add(source.deadLetterTopic()));
		return topics;
	}

	private ReplayResult replay(ConsumerRecord<byte[], byte[]> record, DeadLetterSource source,
			Map<String, ReplayMark> replayed) {
		String id = id(record);
		if (isReplayed(replayed.get(id))) {
			return new ReplayResult(id, ReplayResult.Outcome.ALREADY_REPLAYED, null);
		}
		if (!source.replayable()) {
			return new ReplayResult(id, ReplayResult.Outcome.NOT_REPLAYABLE, source.notReplayable());
		}
		try {
			source.replay(record);
		}
		catch (RuntimeException ex) {
			String reason = ex.getClass().getName() + ": " + PersonalData.mask(ex.getMessage());
			this.marks.record(id, ReplayMark.Outcome.FAILED, reason);
			log.warn("Dead letter {} failed again on replay: {}", id, reason);
			return new ReplayResult(id, ReplayResult.Outcome.FAILED_AGAIN, reason);
		}
		this.marks.record(id, ReplayMark.Outcome.REPLAYED, null);
		log.info("Dead letter {} replayed through {}", id, source.group());
		return new ReplayResult(id, ReplayResult.Outcome.REPLAYED, null);
	}

	private Set<String> topics(String only) {
		Set<String> topics = topics();
		return (only == null) ? topics : (topics.contains(only) ? Set.of(only) : Set.of());
	}

	private Optional<ConsumerRecord<byte[], byte[]>> find(String topic, int partition, long offset) {
		if (!topics().contains(topic)) {
			return Optional.empty();
		}
		return this.reader.readAll(topic)
			.stream()
			.filter((record) -> record.partition() == partition && record.offset() == offset)
			.findFirst();
	}

	private Optional<DeadLetterSource> source(ConsumerRecord<byte[], byte[]> record) {
		String group = header(record, KafkaHeaders.DLT_ORIGINAL_CONSUMER_GROUP);
		return this.sources.stream()
			.filter((source) -> source.deadLetterTopic().equals(record.topic()) && source.parkedBy(group))
			.findFirst();
	}

	private static DeadLetter describe(ConsumerRecord<byte[], byte[]> record, DeadLetterSource source,
			Map<String, ReplayMark> replayed) {
		ReplayMark mark = replayed.get(id(record));
		DeadLetter.State state = (mark == null) ? DeadLetter.State.PARKED
				: isReplayed(mark) ? DeadLetter.State.REPLAYED : DeadLetter.State.FAILED_AGAIN;
		String reason = (state == DeadLetter.State.FAILED_AGAIN) ? mark.reason()
				: PersonalData.mask(header(record, KafkaHeaders.DLT_EXCEPTION_MESSAGE));
		return new DeadLetter(id(record), Instant.ofEpochMilli(record.timestamp()),
				header(record, KafkaHeaders.DLT_ORIGINAL_TOPIC), intHeader(record, KafkaHeaders.DLT_ORIGINAL_PARTITION),
				longHeader(record, KafkaHeaders.DLT_ORIGINAL_OFFSET),
				header(record, KafkaHeaders.DLT_ORIGINAL_CONSUMER_GROUP),
				header(record, KafkaHeaders.DLT_EXCEPTION_FQCN), reason, state, source.replayable());
	}

	private static boolean isReplayed(ReplayMark mark) {
		return mark != null && mark.outcome() == ReplayMark.Outcome.REPLAYED;
	}

	private static String id(ConsumerRecord<byte[], byte[]> record) {
		return DeadLetter.id(record.topic(), record.partition(), record.offset());
	}

	private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
		Header header = record.headers().lastHeader(name);
		return (header != null) ? text(header.value()) : null;
	}

	private static Integer intHeader(ConsumerRecord<byte[], byte[]> record, String name) {
		Header header = record.headers().lastHeader(name);
		return (header != null && header.value().length == Integer.BYTES) ? ByteBuffer.wrap(header.value()).getInt()
				: null;
	}

	private static Long longHeader(ConsumerRecord<byte[], byte[]> record, String name) {
		Header header = record.headers().lastHeader(name);
		return (header != null && header.value().length == Long.BYTES) ? ByteBuffer.wrap(header.value()).getLong()
				: null;
	}

	private static String text(byte[] bytes) {
		return (bytes != null) ? new String(bytes, StandardCharsets.UTF_8) : null;
	}

}
