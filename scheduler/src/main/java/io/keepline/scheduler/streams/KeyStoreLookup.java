package io.keepline.scheduler.streams;

import java.util.function.Function;

import io.keepline.contracts.linekey.LineKey;
import io.keepline.contracts.linekey.LineKeyId;
import io.keepline.scheduler.engine.SchedulerTopology;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;

/**
 * Reads a line key from the scheduler's global key store, for the serde that opens holder
 * contacts while the engine reads line-events: stale reads allowed (a global store is
 * current on every instance, also while a rebalance runs), null until the store is open.
 */
final class KeyStoreLookup implements Function<LineKeyId, LineKey> {

	private final ObjectProvider<StreamsBuilderFactoryBean> factory;

	private volatile ReadOnlyKeyValueStore<LineKeyId, LineKey> store;

	KeyStoreLookup(ObjectProvider<StreamsBuilderFactoryBean> factory) {
		this.factory = factory;
	}

	@Override
	public LineKey apply(LineKeyId id) {
		ReadOnlyKeyValueStore<LineKeyId, LineKey> keys = store();
		return (keys != null) ? keys.get(id) : null;
	}

	private ReadOnlyKeyValueStore<LineKeyId, LineKey> store() {
		if (this.store == null) {
			KafkaStreams streams = this.factory.getObject().getKafkaStreams();
			if (streams == null) {
				return null;
			}
			try {
				this.store = streams.store(
						StoreQueryParameters
							.fromNameAndType(SchedulerTopology.KEYS_STORE,
									QueryableStoreTypes.<LineKeyId, LineKey>keyValueStore())
							.enableStaleStores());
			}
			catch (InvalidStateStoreException ex) {
				return null;
			}
		}
		return this.store;
	}

}
