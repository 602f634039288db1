package io.keepline.scheduler.api;

import java.util.Optional;

import io.keepline.contracts.Msisdn;
import io.keepline.contracts.topic.Topics;
import io.keepline.scheduler.SchedulerSettings;
import io.keepline.scheduler.deadline.LineRules;
import io.keepline.scheduler.deadline.LineState;
import io.keepline.scheduler.engine.SchedulerTopology;
import io.keepline.scheduler.engine.StoredLines;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.kafka.streams.KafkaStreamsInteractiveQueryService;
import org.springframework.stereotype.Component;

/**
 * Finds a line's state with Kafka Streams interactive queries: in this instance's stores
 * when it owns the line (or no other instance can be asked), loaded as the engine loads
 * it ({@link StoredLines}), else names the instance that does.
 */
@Component
class LineQueries {

	private final StreamsBuilderFactoryBean factory;

	private final KafkaStreamsInteractiveQueryService queries;

	private final LineRules rules;

	LineQueries(StreamsBuilderFactoryBean factory, KafkaStreamsInteractiveQueryService queries,
			SchedulerSettings settings) {
		this.factory = factory;
		this.queries = queries;
		this.rules = new LineRules(settings.engine());
	}

	/** Where a line lives: here (with its state, if any) or on another instance. */
	sealed interface Found permits Here, Elsewhere {

	}

	record Here(Optional<LineState> line) implements Found {

	}

	record Elsewhere(HostInfo host) implements Found {

	}

	/**
	 * Where {@code msisdn} lives; {@code localOnly} for a request another instance
	 * forwarded, which is answered here whatever the metadata says.
	 * @throws NotReadyException while the engine is not running or its stores cannot be
	 * queried
	 */
	Found find(Msisdn msisdn, boolean localOnly) {
		running();
		try {
			HostInfo self = this.queries.getCurrentKafkaStreamsApplicationHostInfo();
			if (!localOnly && self != null) {
				HostInfo owner = this.queries.getKafkaStreamsApplicationHostInfo(SchedulerTopology.LINES_STORE, msisdn,
						Topics.MSISDN.serializer());
				if (HostInfo.unavailable().equals(owner)) {
					throw new NotReadyException();
				}
				if (!self.equals(owner)) {
					return new Elsewhere(owner);
				}
			}
			ReadOnlyKeyValueStore<Msisdn, LineState> lines = this.queries
				.retrieveQueryableStore(SchedulerTopology.LINES_STORE, QueryableStoreTypes.keyValueStore());
			ReadOnlyKeyValueStore<Bytes, byte[]> index = this.queries
				.retrieveQueryableStore(SchedulerTopology.INDEX_STORE, QueryableStoreTypes.keyValueStore());
			return new Here(Optional.ofNullable(StoredLines.load(msisdn, lines, index, this.rules)));
		}
		catch (IllegalStateException ex) {
			// the query service's answer once its retries found no store or metadata
			throw new NotReadyException();
		}
	}

	private void running() {
		KafkaStreams streams = this.factory.getKafkaStreams();
		if (streams == null || streams.state() != KafkaStreams.State.RUNNING) {
			throw new NotReadyException();
		}
	}

	/** The engine is starting, restoring or rebalancing: ask again shortly. */
	static final class NotReadyException extends RuntimeException {

		NotReadyException() {
			super("the scheduler's stores are not ready");
		}

	}

}
