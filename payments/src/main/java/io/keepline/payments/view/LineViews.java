package io.keepline.payments.view;

import java.util.Optional;

import io.keepline.contracts.Msisdn;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.stereotype.Component;

/**
 * Reads line views from this instance's store (interactive query over the local
 * partitions). With several instances a line whose partition is elsewhere is not found
 * here.
 */
@Component
public class LineViews implements LineLookup {

	private final StreamsBuilderFactoryBean streams;

	LineViews(StreamsBuilderFactoryBean streams) {
		this.streams = streams;
	}

	@Override
	public Optional<LineView> find(Msisdn msisdn) {
		KafkaStreams kafkaStreams = this.streams.getKafkaStreams();
		if (kafkaStreams == null) {
			throw new ViewUnavailableException("the line view is not started", null);
		}
		try {
			ReadOnlyKeyValueStore<Msisdn, LineView> store = kafkaStreams.store(
					StoreQueryParameters.fromNameAndType(LineViewTopology.STORE, QueryableStoreTypes.keyValueStore()));
			return Optional.ofNullable(store.get(msisdn));
		}
		catch (InvalidStateStoreException ex) {
			throw new ViewUnavailableException("the line view is not queryable now (starting or rebalancing)", ex);
		}
	}

}
