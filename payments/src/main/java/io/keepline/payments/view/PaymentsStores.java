package io.keepline.payments.view;

import java.time.Instant;
import java.util.Optional;

import io.keepline.contracts.Msisdn;
import io.keepline.contracts.linerecord.LineRecord;
import io.keepline.payments.line.LineRecordLookup;
import io.keepline.payments.line.PaymentHistory;
import io.keepline.payments.line.PaymentHistoryLookup;
import io.keepline.payments.line.ViewUnavailableException;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.stereotype.Component;

/**
 * Reads line records and payment histories from this instance's global stores, which hold
 * every line: any instance answers for any line. It asks the factory bean for its current
 * KafkaStreams on every read, because the application is stopped and started again while
 * the context runs (spring-kafka's {@code KafkaStreamsInteractiveQueryService} keeps the
 * first instance it saw, and retries where payments must answer at once).
 */
@Component
public class PaymentsStores implements LineRecordLookup, PaymentHistoryLookup {

	private final StreamsBuilderFactoryBean streams;

	PaymentsStores(StreamsBuilderFactoryBean streams) {
		this.streams = streams;
	}

	@Override
	public Optional<LineRecord> find(Msisdn msisdn) {
		return Optional.ofNullable(this.<LineRecord>store(PaymentsTopology.LINES).get(msisdn));
	}

	@Override
	public Optional<PaymentHistory> history(Msisdn msisdn) {
		return Optional.ofNullable(this.<PaymentHistory>store(PaymentsTopology.HISTORY).get(msisdn));
	}

	/**
	 * How many payments, over every line, have been processing since before
	 * {@code before}: a scan of the whole history store.
	 */
	public long processingSince(Instant before) {
		long count = 0;
		try (KeyValueIterator<Msisdn, PaymentHistory> all = this.<PaymentHistory>store(PaymentsTopology.HISTORY)
			.all()) {
			while (all.hasNext()) {
				count += all.next().value.processingSince(before);
			}
		}
		return count;
	}

	private <V> ReadOnlyKeyValueStore<Msisdn, V> store(String name) {
		KafkaStreams kafkaStreams = this.streams.getKafkaStreams();
		if (kafkaStreams == null) {
			throw new ViewUnavailableException("payments' stores are not started", null);
		}
		try {
			return kafkaStreams.store(StoreQueryParameters.fromNameAndType(name, QueryableStoreTypes.keyValueStore()));
		}
		catch (InvalidStateStoreException ex) {
			throw new ViewUnavailableException("payments' stores are not queryable now (starting or restoring)", ex);
		}
	}

}
