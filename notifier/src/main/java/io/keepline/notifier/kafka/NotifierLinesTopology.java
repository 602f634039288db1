package io.keepline.notifier.kafka;

import io.keepline.contracts.topic.Topics;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.state.Stores;

/**
 * The line records (keepline.lines.v1) in a global RocksDB store: every notifier instance
 * holds every line, whichever deadline-events partitions it reads.
 */
final class NotifierLinesTopology {

	/** The store of line records by msisdn. */
	static final String STORE = "notifier-lines";

	private NotifierLinesTopology() {
	}

	static void define(StreamsBuilder builder, RecentErasures erasures) {
		builder.addGlobalStore(
				Stores
					.keyValueStoreBuilder(Stores.persistentKeyValueStore(STORE), Topics.LINES.keySerde(),
							Topics.LINES.valueSerde())
					.withLoggingDisabled(),
				Topics.LINES.name(),
				Consumed.with(Topics.LINES.keySerde(), Topics.LINES.valueSerde()).withName("lines"),
				() -> new LineRecordUpdater(erasures));
	}

}
