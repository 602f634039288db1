package io.keepline.payments.view;

import java.util.Optional;

import io.keepline.contracts.Msisdn;
import io.keepline.payments.line.LinePayments;
import io.keepline.payments.line.LinePaymentsLookup;
import io.keepline.payments.line.ViewUnavailableException;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.stereotype.Component;

/**
 * Reads what payments knows of a line from this instance's store (interactive query over
 * the local partitions); with several instances a line whose partition is elsewhere is
 * not found here. It asks the factory bean for its current KafkaStreams on every read,
 * because the view is stopped and started again while the context runs (spring-kafka's
 * {@code KafkaStreamsInteractiveQueryService} keeps the first instance it saw, and
 * retries where payments must answer at once).
 */
@Component
public class LinePaymentsStore implements LinePaymentsLookup {

	private final StreamsBuilderFactoryBean streams;

	LinePaymentsStore(StreamsBuilderFactoryBean streams) {
		this.streams = streams;
	}

	@Override
	public Optional<LinePayments> find(Msisdn msisdn) {
		KafkaStreams kafkaStreams = this.streams.getKafkaStreams();
		if (kafkaStreams == null) {
			throw new ViewUnavailableException("the line view is not started", null);
		}
		try {
			ReadOnlyKeyValueStore<Msisdn, LinePayments> store = kafkaStreams.store(StoreQueryParameters
				.fromNameAndType(LinePaymentsTopology.STORE, QueryableStoreTypes.keyValueStore()));
			return Optional.ofNullable(store.get(msisdn));
		}
		catch (InvalidStateStoreException ex) {
			throw new ViewUnavailableException("the line view is not queryable now (starting or rebalancing)", ex);
		}
	}

}
