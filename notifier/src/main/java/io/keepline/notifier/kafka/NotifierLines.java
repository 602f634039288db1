package io.keepline.notifier.kafka;

import java.util.Optional;

import io.keepline.contracts.Msisdn;
import io.keepline.contracts.linerecord.LineRecord;
import io.keepline.notifier.delivery.LineLookup;
import io.keepline.notifier.delivery.TransientDeliveryException;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

import org.springframework.kafka.streams.KafkaStreamsInteractiveQueryService;

/**
 * Reads line records from this instance's global store; while the store cannot be read
 * (not caught up, stopped), a lookup is a transient failure and the message is retried.
 */
final class NotifierLines implements LineLookup {

	private final KafkaStreamsInteractiveQueryService queries;

	private final RecentErasures erasures;

	NotifierLines(KafkaStreamsInteractiveQueryService queries, RecentErasures erasures) {
		this.queries = queries;
		this.erasures = erasures;
	}

	@Override
	public Optional<LineRecord> find(Msisdn msisdn) {
		try {
			ReadOnlyKeyValueStore<Msisdn, LineRecord> store = this.queries
				.retrieveQueryableStore(NotifierLinesTopology.STORE, QueryableStoreTypes.keyValueStore());
			return Optional.ofNullable(store.get(msisdn));
		}
		catch (InvalidStateStoreException | IllegalStateException | IllegalArgumentException ex) {
			throw new TransientDeliveryException("line_records_unavailable", "the line records cannot be read now", ex);
		}
	}

	@Override
	public boolean erased(Msisdn msisdn) {
		return this.erasures.contains(msisdn);
	}

	/** About how many lines the store holds; -1 if it cannot be read. */
	long size() {
		try {
			ReadOnlyKeyValueStore<Msisdn, LineRecord> store = this.queries
				.retrieveQueryableStore(NotifierLinesTopology.STORE, QueryableStoreTypes.keyValueStore());
			return store.approximateNumEntries();
		}
		catch (InvalidStateStoreException | IllegalStateException | IllegalArgumentException ex) {
			return -1;
		}
	}

}
