package io.keepline.scheduler.api;

import java.util.Optional;

import io.keepline.contracts.Msisdn;
import io.keepline.contracts.topic.Topics;
import io.keepline.scheduler.SchedulerSettings;
import io.keepline.scheduler.deadline.LineState;
import io.keepline.scheduler.engine.SchedulerTopology;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.stereotype.Component;

/**
 * Finds a line's state with Kafka Streams interactive queries: in this instance's store
 * when it owns the line, else names the instance that does.
 */
@Component
class LineLookup {

	private final StreamsBuilderFactoryBean factory;

	private final HostInfo self;

	LineLookup(StreamsBuilderFactoryBean factory, SchedulerSettings settings) {
		this.factory = factory;
		this.self = settings.applicationServer().isBlank() ? null
				: HostInfo.buildFromEndpoint(settings.applicationServer());
	}

	/** Where a line lives: here (with its state, if any) or on another instance. */
	sealed interface Found permits Here, Elsewhere {

	}

	record Here(Optional<LineState> line) implements Found {

	}

	record Elsewhere(HostInfo host) implements Found {

	}

	Found find(Msisdn msisdn, boolean localOnly) {
		KafkaStreams streams = running();
		if (!localOnly && this.self != null) {
			KeyQueryMetadata owner = streams.queryMetadataForKey(SchedulerTopology.LINES_STORE, msisdn,
					Topics.MSISDN.serializer());
			if (owner == null || KeyQueryMetadata.NOT_AVAILABLE.equals(owner)) {
				throw new NotReadyException();
			}
			if (!this.self.equals(owner.activeHost())) {
				return new Elsewhere(owner.activeHost());
			}
		}
		ReadOnlyKeyValueStore<Msisdn, LineState> store = streams.store(StoreQueryParameters
			.fromNameAndType(SchedulerTopology.LINES_STORE, QueryableStoreTypes.keyValueStore()));
		return new Here(Optional.ofNullable(store.get(msisdn)));
	}

	private KafkaStreams running() {
		KafkaStreams streams = this.factory.getKafkaStreams();
		if (streams == null || streams.state() != KafkaStreams.State.RUNNING) {
			throw new NotReadyException();
		}
		return streams;
	}

	/** The engine is starting, restoring or rebalancing: ask again shortly. */
	static final class NotReadyException extends RuntimeException {

		NotReadyException() {
			super("the scheduler's stores are not ready");
		}

	}

}
