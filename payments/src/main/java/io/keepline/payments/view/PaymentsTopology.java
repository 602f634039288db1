package io.keepline.payments.view;

import io.keepline.contracts.Msisdn;
import io.keepline.contracts.json.JsonEventSerde;
import io.keepline.contracts.linerecord.LineRecord;
import io.keepline.contracts.payment.PaymentEvent;
import io.keepline.contracts.topic.Topic;
import io.keepline.contracts.topic.Topics;
import io.keepline.payments.line.PaymentHistory;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Materialized;
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
 * tombstone removes the line), and payments' own history folded from payment-events
 * ({@value #HISTORY}, refolded from the topic on restore). A payment event not keyed by
 * its msisdn is skipped (and logged) before it touches a history: a global store's
 * processor must not fail, or the whole application stops.
 */
public final class PaymentsTopology {

	private static final Logger log = LoggerFactory.getLogger(PaymentsTopology.class);

	/** The line records, by msisdn. */
	public static final String LINES = "payments-line-records";

	/** The payment histories, by msisdn. */
	public static final String HISTORY = "payments-history";

	static final Serde<PaymentHistory> HISTORY_SERDE = new JsonEventSerde<>(PaymentHistory.class);

	private PaymentsTopology() {
	}

	public static void define(StreamsBuilder builder) {
		builder.globalTable(Topics.LINES.name(), consumed(Topics.LINES),
				Materialized.<Msisdn, LineRecord, KeyValueStore<Bytes, byte[]>>as(LINES)
					.withKeySerde(Topics.LINES.keySerde())
					.withValueSerde(Topics.LINES.valueSerde()));
		builder.addGlobalStore(
				Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(HISTORY), Topics.MSISDN, HISTORY_SERDE)
					.withLoggingDisabled(),
				Topics.PAYMENT_EVENTS.name(), consumed(Topics.PAYMENT_EVENTS), HistoryFold::new);
	}

	private static <V> Consumed<Msisdn, V> consumed(Topic<Msisdn, V> topic) {
		return Consumed.with(topic.keySerde(), topic.valueSerde());
	}

	/** Folds one payment event into its line's history. */
	private static final class HistoryFold implements Processor<Msisdn, PaymentEvent, Void, Void> {

		private KeyValueStore<Msisdn, PaymentHistory> store;

		@Override
		public void init(ProcessorContext<Void, Void> context) {
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
			this.store.put(record.key(),
					((history != null) ? history : PaymentHistory.empty(record.key())).apply(record.value()));
		}

	}

}
