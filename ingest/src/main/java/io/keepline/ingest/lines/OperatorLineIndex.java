package io.keepline.ingest.lines;

import java.nio.charset.StandardCharsets;

import io.keepline.contracts.Msisdn;
import io.keepline.contracts.json.JsonEventSerde;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The per-operator index of line summaries in one store: {@code o/<operator>/<msisdn>}
 * holds a line's summary, so that an operator's lines are one range of keys in msisdn
 * order (a number prefix a narrower range), and {@code m/<msisdn>} holds the line's
 * operator, so that a line that changes operator or is erased leaves no stale entry.
 */
final class OperatorLineIndex {

	/** Sorts after every character of an msisdn: the end of a range of msisdns. */
	static final char AFTER_MSISDNS = '~';

	static final Serde<LineSummary> SUMMARY = new JsonEventSerde<>(LineSummary.class);

	private final KeyValueStore<String, byte[]> store;

	OperatorLineIndex(KeyValueStore<String, byte[]> store) {
		this.store = store;
	}

	void put(LineSummary line) {
		String previous = operatorOf(this.store.get(lineKey(line.msisdn())));
		if (previous != null && !previous.equals(line.operator())) {
			this.store.delete(entryKey(previous, line.msisdn()));
		}
		if (!line.operator().equals(previous)) {
			this.store.put(lineKey(line.msisdn()), line.operator().getBytes(StandardCharsets.UTF_8));
		}
		this.store.put(entryKey(line.operator(), line.msisdn()), SUMMARY.serializer().serialize(null, line));
	}

	void remove(Msisdn msisdn) {
		String previous = operatorOf(this.store.get(lineKey(msisdn.value())));
		if (previous != null) {
			this.store.delete(entryKey(previous, msisdn.value()));
			this.store.delete(lineKey(msisdn.value()));
		}
	}

	static String lineKey(String msisdn) {
		return "m/" + msisdn;
	}

	/** The key of a line's summary, or with a partial msisdn the start of a range. */
	static String entryKey(String operator, String msisdn) {
		return "o/" + operator + "/" + msisdn;
	}

	static String operatorOf(byte[] value) {
		return (value != null) ? new String(value, StandardCharsets.UTF_8) : null;
	}

	static LineSummary summary(byte[] value) {
		return SUMMARY.deserializer().deserialize(null, value);
	}

}
