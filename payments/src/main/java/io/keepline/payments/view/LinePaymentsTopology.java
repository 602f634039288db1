package io.keepline.payments.view;

import io.keepline.contracts.Msisdn;
import io.keepline.contracts.deadline.DeadlineEvent;
import io.keepline.contracts.json.JsonEventSerde;
import io.keepline.contracts.payment.PaymentEvent;
import io.keepline.contracts.topic.KeyMismatchException;
import io.keepline.contracts.topic.Topic;
import io.keepline.contracts.topic.Topics;
import io.keepline.payments.line.LinePayments;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;

/**
 * Folds deadline-events and payment-events (both keyed by msisdn, co-partitioned) into
 * one {@link LinePayments} per line in the {@value #STORE} store, changelogged so that
 * the view survives restarts. A record not keyed by its event's msisdn is refused with a
 * {@link KeyMismatchException} before it touches any view.
 */
public final class LinePaymentsTopology {

	/**
	 * The interactive-query store (named, like its changelog topic, before the rename).
	 */
	public static final String STORE = "payments-line-views";

	static final Serde<LinePayments> VIEW_SERDE = new JsonEventSerde<>(LinePayments.class);

	private LinePaymentsTopology() {
	}

	public static void define(StreamsBuilder builder) {
		builder.addStateStore(
				Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(STORE), Topics.MSISDN, VIEW_SERDE));
		builder.stream(Topics.DEADLINE_EVENTS.name(), consumed(Topics.DEADLINE_EVENTS))
			.process(() -> new Fold<DeadlineEvent>() {
				@Override
				Msisdn msisdn(DeadlineEvent event) {
					return event.msisdn();
				}

				@Override
				LinePayments apply(LinePayments view, DeadlineEvent event) {
					return view.apply(event);
				}
			}, STORE);
		builder.stream(Topics.PAYMENT_EVENTS.name(), consumed(Topics.PAYMENT_EVENTS))
			.process(() -> new Fold<PaymentEvent>() {
				@Override
				Msisdn msisdn(PaymentEvent event) {
					return event.msisdn();
				}

				@Override
				LinePayments apply(LinePayments view, PaymentEvent event) {
					return view.apply(event);
				}
			}, STORE);
	}

	private static <V> Consumed<Msisdn, V> consumed(Topic<Msisdn, V> topic) {
		return Consumed.with(topic.keySerde(), topic.valueSerde());
	}

	private abstract static class Fold<V> implements Processor<Msisdn, V, Void, Void> {

		private KeyValueStore<Msisdn, LinePayments> store;

		@Override
		public void init(ProcessorContext<Void, Void> context) {
			this.store = context.getStateStore(STORE);
		}

		@Override
		public void process(Record<Msisdn, V> record) {
			if (record.value() == null) {
				return;
			}
			KeyMismatchException.check(record.key(), msisdn(record.value()));
			LinePayments view = this.store.get(record.key());
			this.store.put(record.key(),
					apply((view != null) ? view : LinePayments.empty(record.key()), record.value()));
		}

		abstract Msisdn msisdn(V event);

		abstract LinePayments apply(LinePayments view, V event);

	}

}
