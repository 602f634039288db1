package io.keepline.ingest.notice;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.keepline.contracts.Msisdn;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The paid renewals of one task waiting for their top-up, ordered by the instant they
 * become overdue (keys: big-endian millis, then the msisdn), so that a look costs what is
 * overdue, not the number of lines; and how many of the task's lines wait past the bound
 * (under a one-byte key sorted before every entry).
 */
final class NoticeIndex {

	private static final Bytes COUNT_KEY = Bytes.wrap(new byte[] { 0 });

	private static final byte[] PRESENT = { 1 };

	private final KeyValueStore<Bytes, byte[]> store;

	NoticeIndex(KeyValueStore<Bytes, byte[]> store) {
		this.store = store;
	}

	void put(Instant expectedBy, Msisdn msisdn) {
		this.store.put(key(expectedBy.toEpochMilli(), msisdn), PRESENT);
	}

	void delete(Instant expectedBy, Msisdn msisdn) {
		this.store.delete(key(expectedBy.toEpochMilli(), msisdn));
	}

	/** Up to {@code max} lines overdue at {@code now}, the longest overdue first. */
	List<Msisdn> overdue(Instant now, int max) {
		List<Msisdn> found = new ArrayList<>();
		try (KeyValueIterator<Bytes, byte[]> range = this.store.range(prefix(0), prefix(now.toEpochMilli() + 1))) {
			while (range.hasNext() && found.size() < max) {
				KeyValue<Bytes, byte[]> next = range.next();
				byte[] raw = next.key.get();
				if (raw.length > Long.BYTES) {
					found.add(
							Msisdn.of(new String(raw, Long.BYTES, raw.length - Long.BYTES, StandardCharsets.US_ASCII)));
				}
			}
		}
		return found;
	}

	/** How many of the task's lines wait past the bound. */
	long waitingPastBound() {
		byte[] count = this.store.get(COUNT_KEY);
		return (count != null) ? ByteBuffer.wrap(count).getLong() : 0;
	}

	/** Adds {@code delta} to the count of lines waiting past the bound; the new count. */
	long addWaitingPastBound(long delta) {
		long next = Math.max(0, waitingPastBound() + delta);
		this.store.put(COUNT_KEY, ByteBuffer.allocate(Long.BYTES).putLong(next).array());
		return next;
	}

	private static Bytes key(long millis, Msisdn msisdn) {
		byte[] number = msisdn.value().getBytes(StandardCharsets.US_ASCII);
		return Bytes.wrap(ByteBuffer.allocate(Long.BYTES + number.length).putLong(millis).put(number).array());
	}

	private static Bytes prefix(long millis) {
		return Bytes.wrap(ByteBuffer.allocate(Long.BYTES).putLong(millis).array());
	}

}
