package io.keepline.ingest.lines;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import io.keepline.contracts.Msisdn;
import io.keepline.contracts.OperatorId;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * Reads the operator API's global stores on this instance: one operator's line, a page of
 * its lines (a range of the per-operator index, read at most {@link #MAX_SCANNED} entries
 * a page so that a selective filter costs a bounded time per request), and a line's
 * timeline merged from its four topics. Another operator's line reads as absent.
 */
final class LineDirectory {

	/** Most index entries one page reads; the cursor resumes after the last one read. */
	static final int MAX_SCANNED = 20_000;

	private final OperatorApiStores stores;

	LineDirectory(OperatorApiStores stores) {
		this.stores = stores;
	}

	/** A page of lines and the cursor of the next one (null after the last). */
	record Page(List<LineSummary> lines, String nextCursor) {

	}

	Optional<LineSummary> line(OperatorId operator, Msisdn msisdn) {
		ReadOnlyKeyValueStore<String, byte[]> index = store(LinesTopology.INDEX);
		String owner = OperatorLineIndex.operatorOf(index.get(OperatorLineIndex.lineKey(msisdn.value())));
		if (!operator.value().equals(owner)) {
			return Optional.empty();
		}
		byte[] value = index.get(OperatorLineIndex.entryKey(owner, msisdn.value()));
		return Optional.ofNullable(value).map(OperatorLineIndex::summary);
	}

	Page page(OperatorId operator, LineQuery query) {
		String prefix = OperatorLineIndex.entryKey(operator.value(), "");
		String start = query.msisdnPrefix();
		if (query.after() != null && query.after().compareTo(start) >= 0) {
			start = query.after() + '\0';
		}
		String end = query.msisdnPrefix() + OperatorLineIndex.AFTER_MSISDNS;
		List<LineSummary> lines = new ArrayList<>(query.limit());
		int scanned = 0;
		String last = null;
		ReadOnlyKeyValueStore<String, byte[]> index = store(LinesTopology.INDEX);
		try (KeyValueIterator<String, byte[]> range = index.range(prefix + start, prefix + end)) {
			while (range.hasNext()) {
				if (lines.size() == query.limit() || scanned == MAX_SCANNED) {
					return new Page(lines, LineQuery.cursorAfter(last));
				}
				KeyValue<String, byte[]> next = range.next();
				LineSummary line = OperatorLineIndex.summary(next.value);
				scanned++;
				last = line.msisdn();
				if (query.matches(line)) {
					lines.add(line);
				}
			}
		}
		return new Page(lines, null);
	}

	/**
	 * The line's timeline since its current registration, the oldest first; empty when it
	 * is not the operator's.
	 */
	Optional<List<LineFact>> timeline(OperatorId operator, Msisdn msisdn) {
		Optional<LineSummary> line = line(operator, msisdn);
		if (line.isEmpty()) {
			return Optional.empty();
		}
		Instant since = line.get().registeredAt();
		List<LineFact> entries = new ArrayList<>();
		for (LinesTopology.Source<?> source : LinesTopology.TIMELINES) {
			entries.addAll(entries(source.store(), msisdn));
		}
		return Optional.of(entries.stream()
			.filter((entry) -> since == null || !entry.at().isBefore(since))
			.sorted(Comparator.comparing(LineFact::at))
			.toList());
	}

	/** The line events of a line's timeline (what this instance has read so far). */
	List<LineFact> lineEvents(Msisdn msisdn) {
		return entries(LinesTopology.TIMELINES.get(0).store(), msisdn);
	}

	private List<LineFact> entries(String storeName, Msisdn msisdn) {
		ReadOnlyKeyValueStore<Msisdn, LineFact.Entries> store = store(storeName);
		LineFact.Entries entries = store.get(msisdn);
		return (entries != null) ? entries.entries() : List.of();
	}

	private <K, V> ReadOnlyKeyValueStore<K, V> store(String name) {
		return this.stores.store(name);
	}

}
