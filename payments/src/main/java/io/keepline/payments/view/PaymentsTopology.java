package io.keepline.payments.view;

import io.keepline.contracts.Msisdn;
import io.keepline.contracts.json.JsonEventSerde;
import io.keepline.contracts.linerecord.LineRecord;
import io.keepline.contracts.linerecord.SavedMethod;
import io.keepline.contracts.payment.PaymentEvent;
import io.keepline.contracts.payment.PaymentMethodSaved;
import io.keepline.contracts.topic.Topic;
import io.keepline.contracts.topic.Topics;
import io.keepline.payments.line.PaymentHistory;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Two global stores, whole on every instance (RocksDB, so memory stays bounded): the
 * scheduler's line records as they are on {@code keepline.lines.v1} ({@value #LINES}, a
 * tombstone removes the line and makes its history forget the holder; a record showing a
 * card gives it to the history, as payment-events carry it sealed), and payments' own
 * history folded from payment-events ({@value #HISTORY}, refolded from the topic on
 * restore, after the records: a line with no record is folded forgotten). A payment event
 * not keyed by its msisdn is skipped (and logged) before it touches a history: a global
 * store's processor must not fail, or the whole application stops.
 */
public final class PaymentsTopology {

	private static final Logger log = LoggerFactory.getLogger(PaymentsTopology.class);

	/**
	 * The line records, by msisdn. Not the name of the global table it replaced
	 * ({@code payments-line-records}, timestamped values): a new store is rebuilt from
	 * the topic instead of reading the old one's bytes.
	 */
	public static final String LINES = "payments-lines";

	/** The payment histories, by msisdn. */
	public static final String HISTORY = "payments-history";

	static final Serde<PaymentHistory> HISTORY_SERDE = new JsonEventSerde<>(PaymentHistory.class);

	private PaymentsTopology() {
	}

	public static void define(StreamsBuilder builder) {
		builder.addGlobalStore(Stores
			.keyValueStoreBuilder(Stores.persistentKeyValueStore(LINES), Topics.MSISDN, Topics.LINES.valueSerde())
			.withLoggingDisabled(), Topics.LINES.name(), consumed(Topics.LINES), RecordUpdate::new);
		builder.addGlobalStore(
				Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(HISTORY), Topics.MSISDN, HISTORY_SERDE)
					.withLoggingDisabled(),
				Topics.PAYMENT_EVENTS.name(), consumed(Topics.PAYMENT_EVENTS), HistoryFold::new);
	}

	private static <V> Consumed<Msisdn, V> consumed(Topic<Msisdn, V> topic) {
		return Consumed.with(topic.keySerde(), topic.valueSerde());
	}

	/**
	 * The other global store, once it is open: while the global stores are restored one
	 * after the other, a store restored later is not open yet.
	 */
	private static <V> KeyValueStore<Msisdn, V> openStore(ProcessorContext<Void, Void> context, String name) {
		try {
			KeyValueStore<Msisdn, V> store = context.getStateStore(name);
			return (store != null && store.isOpen()) ? store : null;
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

	/**
	 * Keeps a line's record; its tombstone (erasure) removes it and makes its history
	 * forget the holder.
	 */
	private static final class RecordUpdate implements Processor<Msisdn, LineRecord, Void, Void> {

		private ProcessorContext<Void, Void> context;

		private KeyValueStore<Msisdn, LineRecord> lines;

		@Override
		public void init(ProcessorContext<Void, Void> context) {
			this.context = context;
			this.lines = context.getStateStore(LINES);
		}

		@Override
		public void process(Record<Msisdn, LineRecord> record) {
			if (record.key() == null) {
				return;
			}
			if (record.value() != null) {
				this.lines.put(record.key(), record.value());
				learnCard(this.context, record.key(), record.value());
				return;
			}
			this.lines.delete(record.key());
			KeyValueStore<Msisdn, PaymentHistory> histories = openStore(this.context, HISTORY);
			PaymentHistory history = (histories != null) ? histories.get(record.key()) : null;
			if (history != null) {
				histories.put(record.key(), history.forgotten());
			}
		}

	}

	/**
	 * Gives the line's history the card its record shows: payment-events carry it sealed,
	 * and payments reads it as unknown.
	 */
	private static void learnCard(ProcessorContext<Void, Void> context, Msisdn msisdn, LineRecord line) {
		SavedMethod card = line.autoRenewal().method();
		KeyValueStore<Msisdn, PaymentHistory> histories = (card != null) ? openStore(context, HISTORY) : null;
		PaymentHistory history = (histories != null) ? histories.get(msisdn) : null;
		if (history != null) {
			PaymentHistory learned = history.withCard(card, line.registeredAt());
			if (learned != history) {
				histories.put(msisdn, learned);
			}
		}
	}

	/**
	 * Folds one payment event into its line's history: forgotten when the line has no
	 * record.
	 */
	private static final class HistoryFold implements Processor<Msisdn, PaymentEvent, Void, Void> {

		private ProcessorContext<Void, Void> context;

		private KeyValueStore<Msisdn, PaymentHistory> store;

		@Override
		public void init(ProcessorContext<Void, Void> context) {
			this.context = context;
			this.store = context.getStateStore(HISTORY);
		}

		@Override
		public void process(Record<Msisdn, PaymentEvent> record) {
			if (record.value() == null) {
				return;
			}
			if (!record.value().msisdn().equals(record.key())) {
				log.warn("Payment event {} keyed by another line skipped ({})", record.value().eventId(),
						record.value().msisdn());
				return;
			}
			PaymentHistory history = this.store.get(record.key());
			PaymentHistory folded = ((history != null) ? history : PaymentHistory.empty(record.key()))
				.apply(record.value());
			KeyValueStore<Msisdn, LineRecord> lines = openStore(this.context, LINES);
			LineRecord line = (lines != null) ? lines.get(record.key()) : null;
			// No record while the records are open: the line was erased since. Not
			// compared with the registration's instant: that is the operator's clock, and
			// a skew would make a fresh card look like an earlier holder's.
			if (lines != null && line == null) {
				folded = folded.forgotten();
			}
			else if (line != null && sealedCard(record.value())) {
				folded = folded.withCard(line.autoRenewal().method(), line.registeredAt());
			}
			this.store.put(record.key(), folded);
		}

		/**
		 * Whether {@code event} saved a card payments read sealed (as unknown): the line
		 * record, when it already shows a card (the store rebuilt, or the record written
		 * first), gives it at once; a record written after gives it then
		 * ({@link RecordUpdate}).
		 */
		private static boolean sealedCard(PaymentEvent event) {
			return event instanceof PaymentMethodSaved saved && !saved.paymentMethod().cardKnown();
		}

	}

}
