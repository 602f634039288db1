package io.keepline.scheduler.engine;

import java.time.Clock;
import java.util.function.LongSupplier;

import io.keepline.contracts.KeeplineEvent;
import io.keepline.contracts.Msisdn;
import io.keepline.contracts.deadline.DeadlineEvent;
import io.keepline.contracts.line.LineErased;
import io.keepline.contracts.line.LineEvent;
import io.keepline.contracts.linekey.LineKey;
import io.keepline.contracts.linekey.LineKeyId;
import io.keepline.contracts.payment.PaymentEvent;
import io.keepline.contracts.topic.KeyMismatchException;
import io.keepline.contracts.topic.Topics;
import io.keepline.scheduler.deadline.EngineSettings;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;

/**
 * The scheduler's Kafka Streams topology: line-events and payment-events (co-partitioned
 * by msisdn, records keyed otherwise refused) into one rules processor with a line store
 * and a due index (both RocksDB, changelogged), out to deadline-events and, in the same
 * transaction, to the lines topic; the line keys as a global store, from which an
 * erasure's {@link KeyShredder} tombstones the line's keys (those of contacts and of
 * cards alike) in that transaction too. Public so that benchmarks can run it without
 * Spring.
 */
public final class SchedulerTopology {

	/** The per-line state store, queryable by msisdn. */
	public static final String LINES_STORE = "scheduler-lines";

	/** The line keys (global, from the key topic), queryable by key id. */
	public static final String KEYS_STORE = "scheduler-line-keys";

	/** The time-ordered due index. */
	public static final String INDEX_STORE = "scheduler-due-index";

	/**
	 * The progress of each task's one-off line record backfill (a few keys, in memory,
	 * changelogged).
	 */
	static final String BACKFILL_STORE = "scheduler-backfill";

	private SchedulerTopology() {
	}

	/** Adds the scheduler to {@code builder}; returns the stream of deadline events. */
	public static KStream<Msisdn, DeadlineEvent> define(StreamsBuilder builder, EngineSettings settings, Clock clock,
			EngineListener listener) {
		return define(builder, settings, clock, System::nanoTime, listener, Topics.LINE_EVENTS.valueSerde(),
				Topics.PAYMENT_EVENTS.valueSerde());
	}

	/**
	 * As {@link #define(StreamsBuilder, EngineSettings, Clock, EngineListener)}, reading
	 * line-events with {@code lineEvents} and payment-events with {@code paymentEvents}:
	 * the serdes that open holder contacts and saved cards with the line keys.
	 */
	public static KStream<Msisdn, DeadlineEvent> define(StreamsBuilder builder, EngineSettings settings, Clock clock,
			EngineListener listener, Serde<LineEvent> lineEvents, Serde<PaymentEvent> paymentEvents) {
		return define(builder, settings, clock, System::nanoTime, listener, lineEvents, paymentEvents);
	}

	/**
	 * As {@link #define(StreamsBuilder, EngineSettings, Clock, EngineListener)}, with
	 * {@code nanoTime} measuring each punctuation's time budget, for tests.
	 */
	static KStream<Msisdn, DeadlineEvent> define(StreamsBuilder builder, EngineSettings settings, Clock clock,
			LongSupplier nanoTime, EngineListener listener, Serde<LineEvent> lineEventSerde,
			Serde<PaymentEvent> paymentEventSerde) {
		// No record cache in front of these stores: a line or an index entry is
		// rarely written twice in one commit, so the cache saved few changelog
		// records and cost a sorted map's work on every read and write
		builder.addStateStore(Stores
			.keyValueStoreBuilder(Stores.persistentKeyValueStore(LINES_STORE), Topics.MSISDN, new LineStateSerde())
			.withCachingDisabled());
		builder.addStateStore(Stores
			.keyValueStoreBuilder(Stores.persistentKeyValueStore(INDEX_STORE), Serdes.Bytes(), Serdes.ByteArray())
			.withCachingDisabled());
		builder.addStateStore(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(BACKFILL_STORE), Serdes.String(),
				Serdes.String()));
		builder.globalTable(Topics.LINE_KEYS.name(),
				Consumed.with(Topics.LINE_KEYS.keySerde(), Topics.LINE_KEYS.valueSerde()).withName("line-keys"),
				Materialized.<LineKeyId, LineKey, KeyValueStore<Bytes, byte[]>>as(KEYS_STORE)
					.withKeySerde(Topics.LINE_KEYS.keySerde())
					.withValueSerde(Topics.LINE_KEYS.valueSerde()));
		KStream<Msisdn, LineEvent> lineEvents = builder.stream(Topics.LINE_EVENTS.name(),
				Consumed.with(Topics.LINE_EVENTS.keySerde(), lineEventSerde).withName("line-events"));
		lineEvents.filter((msisdn, event) -> event instanceof LineErased, Named.as("erasures"))
			.mapValues((event) -> (LineErased) event, Named.as("erasure"))
			.process(KeyShredder::new, Named.as("key-shredder"))
			.to(Topics.LINE_KEYS.name(), Produced.with(Topics.LINE_KEYS.keySerde(), Topics.LINE_KEYS.valueSerde())
				.withName("shredded-keys"));
		KStream<Msisdn, KeeplineEvent> lines = lineEvents.mapValues(
				(key, event) -> keyed(key, event, (event != null) ? event.msisdn() : null), Named.as("line-event"));
		KStream<Msisdn, KeeplineEvent> payments = builder
			.stream(Topics.PAYMENT_EVENTS.name(),
					Consumed.with(Topics.PAYMENT_EVENTS.keySerde(), paymentEventSerde).withName("payment-events"))
			.mapValues((key, event) -> keyed(key, event, (event != null) ? event.msisdn() : null),
					Named.as("payment-event"));
		KStream<Msisdn, Forwarded> forwarded = lines.merge(payments, Named.as("inputs"))
			.process(() -> new DeadlineProcessor(settings, clock, nanoTime, listener), Named.as("deadline-rules"),
					LINES_STORE, INDEX_STORE, BACKFILL_STORE);
		KStream<Msisdn, DeadlineEvent> deadlines = forwarded
			.filter((msisdn, out) -> out instanceof Forwarded.Deadline, Named.as("deadlines"))
			.mapValues((out) -> ((Forwarded.Deadline) out).event(), Named.as("deadline-event"));
		deadlines.to(Topics.DEADLINE_EVENTS.name(),
				Produced.with(Topics.DEADLINE_EVENTS.keySerde(), Topics.DEADLINE_EVENTS.valueSerde())
					.withName("deadline-events"));
		forwarded.filter((msisdn, out) -> out instanceof Forwarded.Line, Named.as("line-records"))
			.mapValues((out) -> ((Forwarded.Line) out).record(), Named.as("line-record"))
			.to(Topics.LINES.name(),
					Produced.with(Topics.LINES.keySerde(), Topics.LINES.valueSerde()).withName("lines"));
		return deadlines;
	}

	/**
	 * The event of a record keyed by its msisdn; a record keyed otherwise is refused with
	 * a {@link KeyMismatchException} (dead-lettered by the application's
	 * {@code KeyMismatchHandler}) before it can touch any line's state. Tombstones pass,
	 * the rules processor ignores them.
	 */
	private static KeeplineEvent keyed(Msisdn key, KeeplineEvent event, Msisdn msisdn) {
		if (event != null) {
			KeyMismatchException.check(key, msisdn);
		}
		return event;
	}

	/** The topology on its own, for tests and benchmarks. */
	public static Topology build(EngineSettings settings, Clock clock, EngineListener listener) {
		return build(settings, clock, System::nanoTime, listener);
	}

	/** The topology on its own, with {@code nanoTime} measuring punctuation budgets. */
	static Topology build(EngineSettings settings, Clock clock, LongSupplier nanoTime, EngineListener listener) {
		StreamsBuilder builder = new StreamsBuilder();
		define(builder, settings, clock, nanoTime, listener, Topics.LINE_EVENTS.valueSerde(),
				Topics.PAYMENT_EVENTS.valueSerde());
		return builder.build();
	}

}
