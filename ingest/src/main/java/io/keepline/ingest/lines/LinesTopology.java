package io.keepline.ingest.lines;

import java.time.Instant;
import java.util.List;
import java.util.function.Function;

import io.keepline.contracts.KeeplineEvent;
import io.keepline.contracts.Msisdn;
import io.keepline.contracts.json.JsonEventSerde;
import io.keepline.contracts.linerecord.LineRecord;
import io.keepline.contracts.line.LineErased;
import io.keepline.contracts.topic.Topic;
import io.keepline.contracts.topic.Topics;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;

/**
 * The global stores of the operator API, whole on every ingest instance (RocksDB): the
 * per-operator index of line summaries kept from the line records ({@value #INDEX}), and
 * one bounded timeline store per topic a line's timeline reads ({@link #TIMELINES}).
 * Their processors never throw: a global store's failure would stop ingest's view.
 */
public final class LinesTopology {

	/** Line summaries by operator and msisdn, and each line's operator. */
	public static final String INDEX = "ingest-operator-lines";

	/** Most entries a line's timeline keeps per topic. */
	static final int TIMELINE_MAX = 20;

	/** The timeline stores, by the topic each reads. */
	static final List<Source<?>> TIMELINES = List.of(new Source<>("ingest-timeline-line-events", Topics.LINE_EVENTS),
			new Source<>("ingest-timeline-deadline-events", Topics.DEADLINE_EVENTS),
			new Source<>("ingest-timeline-payment-events", Topics.PAYMENT_EVENTS),
			new Source<>("ingest-timeline-notification-events", Topics.NOTIFICATION_EVENTS));

	static final Serde<LineFact.Entries> ENTRIES = new JsonEventSerde<>(LineFact.Entries.class);

	private LinesTopology() {
	}

	/** A timeline store and the topic it reads. */
	record Source<V extends KeeplineEvent>(String store, Topic<Msisdn, V> topic) {

	}

	/** Adds the operator API's global stores to {@code builder}. */
	public static void define(StreamsBuilder builder) {
		builder.addGlobalStore(
				Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(INDEX), Serdes.String(), Serdes.ByteArray())
					.withLoggingDisabled(),
				Topics.LINES.name(), Consumed.with(Topics.LINES.keySerde(), Topics.LINES.valueSerde()),
				IndexUpdate::new);
		for (Source<?> source : TIMELINES) {
			timeline(builder, source);
		}
	}

	private static <V extends KeeplineEvent> void timeline(StreamsBuilder builder, Source<V> source) {
		builder.addGlobalStore(
				Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(source.store()), Topics.MSISDN, ENTRIES)
					.withLoggingDisabled(),
				source.topic().name(), Consumed.with(source.topic().keySerde(), source.topic().valueSerde()),
				() -> new TimelineFold<>(source.store(), source.topic().name(), TimelineSummaries::of));
	}

	/**
	 * Keeps the index in step with the line records; a tombstone (erasure) removes the
	 * line and empties every timeline of it that is open (while the global stores are
	 * restored one after the other, the timelines restored later are not yet).
	 */
	private static final class IndexUpdate implements Processor<Msisdn, LineRecord, Void, Void> {

		private ProcessorContext<Void, Void> context;

		private OperatorLineIndex index;

		@Override
		public void init(ProcessorContext<Void, Void> context) {
			this.context = context;
			this.index = new OperatorLineIndex(context.getStateStore(INDEX));
		}

		@Override
		public void process(Record<Msisdn, LineRecord> record) {
			if (record.key() == null) {
				return;
			}
			if (record.value() == null) {
				this.index.remove(record.key());
				TIMELINES.forEach((source) -> forget(source.store(), record.key()));
			}
			else if (!record.value().msisdn().equals(record.key())) {
				this.index.remove(record.key());
			}
			else {
				this.index.put(LineSummary.of(record.value()));
			}
		}

		private void forget(String storeName, Msisdn msisdn) {
			try {
				KeyValueStore<Msisdn, LineFact.Entries> timeline = this.context.getStateStore(storeName);
				if (timeline != null && timeline.isOpen()) {
					timeline.delete(msisdn);
				}
			}
			catch (RuntimeException ex) {
				// not open yet: restored after the index
			}
		}

	}

	/**
	 * Adds each event of one topic to its line's bounded timeline; an erasure empties the
	 * line's timeline of line events.
	 */
	private static final class TimelineFold<V extends KeeplineEvent> implements Processor<Msisdn, V, Void, Void> {

		private final String storeName;

		private final String topic;

		private final Function<KeeplineEvent, String> summary;

		private KeyValueStore<Msisdn, LineFact.Entries> store;

		TimelineFold(String storeName, String topic, Function<KeeplineEvent, String> summary) {
			this.storeName = storeName;
			this.topic = topic;
			this.summary = summary;
		}

		@Override
		public void init(ProcessorContext<Void, Void> context) {
			this.store = context.getStateStore(this.storeName);
		}

		@Override
		public void process(Record<Msisdn, V> record) {
			if (record.key() == null || record.value() == null) {
				return;
			}
			if (record.value() instanceof LineErased) {
				this.store.delete(record.key());
				return;
			}
			V event = record.value();
			LineFact entry = new LineFact(
					(event.occurredAt() != null) ? event.occurredAt() : Instant.ofEpochMilli(record.timestamp()),
					this.topic, event.getClass().getSimpleName(), this.summary.apply(event));
			LineFact.Entries entries = this.store.get(record.key());
			this.store.put(record.key(),
					((entries != null) ? entries : new LineFact.Entries(List.of())).with(entry, TIMELINE_MAX));
		}

	}

}
