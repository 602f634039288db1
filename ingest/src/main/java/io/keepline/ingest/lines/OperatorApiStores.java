package io.keepline.ingest.lines;

import java.util.function.Supplier;

import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * The global stores of the operator API's Streams application on this instance, readable
 * once it runs (its global stores caught up); until then every read says the API is
 * unavailable (503).
 */
public final class OperatorApiStores {

	private final Supplier<KafkaStreams> streams;

	private final Topology topology;

	/**
	 * Reads the instance {@code streams} gives (not its factory's, which waits for a
	 * start in progress).
	 */
	OperatorApiStores(Supplier<KafkaStreams> streams, Topology topology) {
		this.streams = streams;
		this.topology = topology;
	}

	/** The key-value store {@code name}. */
	public <K, V> ReadOnlyKeyValueStore<K, V> store(String name) {
		KafkaStreams streams = this.streams.get();
		if (streams == null || streams.state() != KafkaStreams.State.RUNNING) {
			throw new OperatorApiProblem.Unavailable(
					"Ingest is still reading lines and imports from Kafka and cannot answer yet. Retry later.");
		}
		try {
			return streams.store(StoreQueryParameters.fromNameAndType(name, QueryableStoreTypes.<K, V>keyValueStore()));
		}
		catch (InvalidStateStoreException ex) {
			throw new OperatorApiProblem.Unavailable("The operator API's stores are not readable: " + ex.getMessage());
		}
	}

	/** The application's topology: its global stores and the topics they read. */
	public Topology topology() {
		return this.topology;
	}

	/** The application's state, null before it started. */
	KafkaStreams.State state() {
		KafkaStreams streams = this.streams.get();
		return (streams != null) ? streams.state() : null;
	}

}
