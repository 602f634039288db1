package io.keepline.scheduler.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;

import io.keepline.contracts.Msisdn;
import io.keepline.contracts.deadline.DeadlineEvent;
import io.keepline.contracts.line.LineEvent;
import io.keepline.contracts.linerecord.LineRecord;
import io.keepline.contracts.payment.PaymentEvent;
import io.keepline.contracts.topic.Topics;
import io.keepline.scheduler.deadline.EngineSettings;
import io.keepline.scheduler.deadline.LineRules;
import io.keepline.scheduler.deadline.LineState;
import io.keepline.support.streams.KeyMismatchHandler;
import io.keepline.testsupport.MutableClock;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.test.TestRecord;

import org.springframework.util.FileSystemUtils;

/**
 * The scheduler topology in a TopologyTestDriver whose wall clock moves together with the
 * engine's clock, with the application's handling of records keyed by another line.
 */
final class EngineHarness implements AutoCloseable {

	private final MutableClock clock;

	private final AtomicLong nanoTime = new AtomicLong();

	private volatile long elapsedPerRead;

	private final TopologyTestDriver driver;

	private final TestInputTopic<Msisdn, LineEvent> lines;

	private final TestInputTopic<Msisdn, PaymentEvent> payments;

	private final TestOutputTopic<Msisdn, DeadlineEvent> deadlines;

	private final TestOutputTopic<Msisdn, LineRecord> records;

	private final List<DeadlineEvent> emitted = new ArrayList<>();

	private final List<TestRecord<Msisdn, LineRecord>> published = new ArrayList<>();

	private final List<ConsumerRecord<?, ?>> deadLetters = new ArrayList<>();

	private final Path stateDir;

	private final LineRules rules;

	EngineHarness(Instant start) {
		this(start, EngineSettings.defaults());
	}

	EngineHarness(Instant start, EngineSettings settings) {
		this.clock = new MutableClock(start);
		this.rules = new LineRules(settings);
		Properties config = new Properties();
		config.put(StreamsConfig.APPLICATION_ID_CONFIG, "scheduler-test");
		this.stateDir = createStateDir();
		config.put(StreamsConfig.STATE_DIR_CONFIG, this.stateDir.toString());
		config.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, KeyMismatchHandler.class);
		config.put(KeyMismatchHandler.RECOVERER,
				(BiConsumer<ConsumerRecord<?, ?>, Exception>) (record, ex) -> this.deadLetters.add(record));
		this.driver = new TopologyTestDriver(SchedulerTopology.build(settings, this.clock,
				() -> this.nanoTime.getAndAdd(this.elapsedPerRead), EngineListener.NONE), config, start);
		this.lines = this.driver.createInputTopic(Topics.LINE_EVENTS.name(), Topics.LINE_EVENTS.keySerde().serializer(),
				Topics.LINE_EVENTS.valueSerde().serializer());
		this.payments = this.driver.createInputTopic(Topics.PAYMENT_EVENTS.name(),
				Topics.PAYMENT_EVENTS.keySerde().serializer(), Topics.PAYMENT_EVENTS.valueSerde().serializer());
		this.deadlines = this.driver.createOutputTopic(Topics.DEADLINE_EVENTS.name(),
				Topics.DEADLINE_EVENTS.keySerde().deserializer(), Topics.DEADLINE_EVENTS.valueSerde().deserializer());
		this.records = this.driver.createOutputTopic(Topics.LINES.name(), Topics.LINES.keySerde().deserializer(),
				Topics.LINES.valueSerde().deserializer());
	}

	Instant now() {
		return this.clock.instant();
	}

	EngineHarness send(LineEvent event) {
		this.lines.pipeInput(event.msisdn(), event, this.clock.instant());
		return this;
	}

	EngineHarness send(PaymentEvent event) {
		this.payments.pipeInput(event.msisdn(), event, this.clock.instant());
		return this;
	}

	/** Sends {@code event} keyed by {@code key}, which may be another line's msisdn. */
	EngineHarness send(Msisdn key, LineEvent event) {
		this.lines.pipeInput(key, event, this.clock.instant());
		return this;
	}

	/** Sends {@code event} keyed by {@code key}, which may be another line's msisdn. */
	EngineHarness send(Msisdn key, PaymentEvent event) {
		this.payments.pipeInput(key, event, this.clock.instant());
		return this;
	}

	/**
	 * The records handed to the dead-letter recoverer, as they were read (raw key and
	 * value).
	 */
	List<ConsumerRecord<?, ?>> deadLetters() {
		return List.copyOf(this.deadLetters);
	}

	/** Moves both clocks to {@code instant} and lets one punctuation run. */
	EngineHarness advanceTo(Instant instant) {
		Duration step = Duration.between(this.clock.instant(), instant);
		this.clock.set(instant);
		this.driver.advanceWallClockTime(step.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : step);
		return this;
	}

	/**
	 * From now on every read of the elapsed time that bounds a punctuation moves it on by
	 * {@code step}, as if handling an entry took that long.
	 */
	EngineHarness elapsedTimeAdvancesOnEveryRead(Duration step) {
		this.elapsedPerRead = step.toNanos();
		return this;
	}

	/** From now on every read of the engine's clock moves it on by {@code step}. */
	EngineHarness clockAdvancesOnEveryRead(Duration step) {
		this.clock.advanceOnEveryRead(step);
		return this;
	}

	/** One more second, one more punctuation. */
	EngineHarness tick() {
		return advanceTo(this.clock.instant().plusSeconds(1));
	}

	/** Everything emitted so far (collected across calls). */
	List<DeadlineEvent> emitted() {
		this.deadlines.readValuesToList().forEach(this.emitted::add);
		return List.copyOf(this.emitted);
	}

	<T extends DeadlineEvent> List<T> emitted(Class<T> type) {
		return emitted().stream().filter(type::isInstance).map(type::cast).toList();
	}

	/**
	 * Every line record written so far (collected across calls); a tombstone has a null
	 * value.
	 */
	List<TestRecord<Msisdn, LineRecord>> records() {
		this.published.addAll(this.records.readRecordsToList());
		return List.copyOf(this.published);
	}

	/** The values of the line records written for {@code msisdn} so far. */
	List<LineRecord> records(Msisdn msisdn) {
		return records().stream().filter((record) -> record.key().equals(msisdn)).map(TestRecord::value).toList();
	}

	/**
	 * Puts {@code state} into the line store directly, as a store written by an earlier
	 * version holds it.
	 */
	EngineHarness storeState(LineState state) {
		KeyValueStore<Msisdn, LineState> store = this.driver.getKeyValueStore(SchedulerTopology.LINES_STORE);
		store.put(state.msisdn(), state);
		return this;
	}

	/** The backfill progress store. */
	KeyValueStore<String, String> backfillProgress() {
		return this.driver.getKeyValueStore(SchedulerTopology.BACKFILL_STORE);
	}

	/** The line's state as the engine loads it. */
	LineState state(Msisdn msisdn) {
		return StoredLines.load(msisdn, this.driver.getKeyValueStore(SchedulerTopology.LINES_STORE),
				this.driver.getKeyValueStore(SchedulerTopology.INDEX_STORE), this.rules);
	}

	/** The line's state as the line store holds it. */
	LineState storedState(Msisdn msisdn) {
		KeyValueStore<Msisdn, LineState> store = this.driver.getKeyValueStore(SchedulerTopology.LINES_STORE);
		return store.get(msisdn);
	}

	/**
	 * The records written to the changelog of {@code store} since the last call: raw keys
	 * and values, a null value for a tombstone.
	 */
	List<TestRecord<byte[], byte[]>> changelog(String store) {
		return this.driver
			.createOutputTopic("scheduler-test-" + store + "-changelog", new ByteArrayDeserializer(),
					new ByteArrayDeserializer())
			.readRecordsToList();
	}

	/** Every due-index entry key except the cursor. */
	List<Bytes> indexKeys() {
		KeyValueStore<Bytes, byte[]> store = this.driver.getKeyValueStore(SchedulerTopology.INDEX_STORE);
		List<Bytes> keys = new ArrayList<>();
		try (KeyValueIterator<Bytes, byte[]> all = store.all()) {
			while (all.hasNext()) {
				KeyValue<Bytes, byte[]> next = all.next();
				if (next.key.get().length > 1) {
					keys.add(next.key);
				}
			}
		}
		return keys;
	}

	@Override
	public void close() {
		this.driver.close();
		FileSystemUtils.deleteRecursively(this.stateDir.toFile());
	}

	private static Path createStateDir() {
		try {
			return Files.createTempDirectory("keepline-scheduler-test-");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
