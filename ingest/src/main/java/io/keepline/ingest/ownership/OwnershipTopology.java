package io.keepline.ingest.ownership;

import io.keepline.contracts.OperatorId;
import io.keepline.contracts.json.ValueSerde;
import io.keepline.contracts.line.LineOwner;
import io.keepline.contracts.topic.Topics;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.state.Stores;

/**
 * The owner of every line, derived from line-events into a global RocksDB store (each
 * ingest instance holds all of it) by {@link OwnershipProcessor}, which Kafka Streams
 * also runs when it restores the store (KAFKA-7663, since Kafka 3.8).
 */
public final class OwnershipTopology {

	/** The store of owners by msisdn. */
	public static final String STORE = "ingest-line-owners";

	private static final String RELEASED = "released:";

	/** Owners as {@code orange} or {@code released:orange}: a few bytes a line. */
	static final Serde<LineOwner> OWNER = new ValueSerde<>(OwnershipTopology::format, OwnershipTopology::parse);

	private OwnershipTopology() {
	}

	/** Adds the owners' global store to {@code builder}. */
	public static void define(StreamsBuilder builder) {
		builder.addGlobalStore(
				Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(STORE), Topics.MSISDN, OWNER)
					.withLoggingDisabled(),
				Topics.LINE_EVENTS.name(),
				Consumed.with(Topics.LINE_EVENTS.keySerde(), Topics.LINE_EVENTS.valueSerde()).withName("line-events"),
				OwnershipProcessor::new);
	}

	private static String format(LineOwner owner) {
		return owner.released() ? RELEASED + owner.operator().value() : owner.operator().value();
	}

	private static LineOwner parse(String text) {
		return text.startsWith(RELEASED) ? LineOwner.of(OperatorId.of(text.substring(RELEASED.length()))).release()
				: LineOwner.of(OperatorId.of(text));
	}

}
