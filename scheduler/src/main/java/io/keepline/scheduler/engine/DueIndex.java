package io.keepline.scheduler.engine;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import io.keepline.contracts.Msisdn;
import io.keepline.scheduler.deadline.DueEntry;
import io.keepline.scheduler.deadline.DueKind;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The time-ordered due index of one task: keys are big-endian due millis, msisdn, kind
 * and stage, so a range scan returns deadlines in due order. A persisted cursor marks
 * where the last scan stopped, so that a scan walks only {@code [cursor, now]} and never
 * the entries it already deleted; inserting a deadline earlier than the cursor moves it
 * back.
 */
final class DueIndex {

	/** The cursor's key: shorter than, and so sorted before, every entry key. */
	private static final Bytes CURSOR_KEY = Bytes.wrap(new byte[] { 0 });

	private static final byte[] PRESENT = { 1 };

	private static final int SUFFIX = 3;

	private final KeyValueStore<Bytes, byte[]> store;

	private long cursor;

	DueIndex(KeyValueStore<Bytes, byte[]> store) {
		this.store = store;
		byte[] saved = store.get(CURSOR_KEY);
		this.cursor = (saved != null) ? ByteBuffer.wrap(saved).getLong() : 0L;
	}

	/** One entry found by a scan: its raw key, the line, and the slot. */
	record Due(Bytes key, String msisdn, DueEntry entry) {

	}

	static Bytes key(long dueMillis, Msisdn msisdn, DueKind kind, int stage) {
		byte[] number = msisdn.value().getBytes(StandardCharsets.US_ASCII);
		return Bytes.wrap(ByteBuffer.allocate(Long.BYTES + number.length + SUFFIX)
			.putLong(dueMillis)
			.put(number)
			.put(kind.code())
			.putShort((short) stage)
			.array());
	}

	void put(Msisdn msisdn, DueEntry entry) {
		this.store.put(key(entry.dueMillis(), msisdn, entry.kind(), entry.stage()), PRESENT);
		if (entry.dueMillis() < this.cursor) {
			moveCursor(entry.dueMillis());
		}
	}

	void delete(Msisdn msisdn, DueEntry entry) {
		this.store.delete(key(entry.dueMillis(), msisdn, entry.kind(), entry.stage()));
	}

	void delete(Bytes key) {
		this.store.delete(key);
	}

	/**
	 * Up to {@code max} entries due at or before {@code nowMillis}, in due order, from
	 * the cursor on. The caller deletes what it handles and then calls {@link #scanned}.
	 */
	List<Due> due(long nowMillis, int max) {
		List<Due> found = new ArrayList<>();
		if (this.cursor > nowMillis) {
			return found;
		}
		try (KeyValueIterator<Bytes, byte[]> range = this.store.range(prefix(this.cursor), prefix(nowMillis + 1))) {
			while (range.hasNext() && found.size() < max) {
				KeyValue<Bytes, byte[]> next = range.next();
				Due due = decode(next.key);
				if (due != null && due.entry().dueMillis() <= nowMillis) {
					found.add(due);
				}
			}
		}
		return found;
	}

	/**
	 * Moves the cursor past a scan: to just after {@code nowMillis} when the scan handled
	 * everything due ({@code drained}), else to the last entry handled, so that what is
	 * left is found again next time.
	 */
	void scanned(List<Due> handled, boolean drained, long nowMillis) {
		long next;
		if (drained) {
			next = nowMillis + 1;
		}
		else if (!handled.isEmpty()) {
			next = handled.get(handled.size() - 1).entry().dueMillis();
		}
		else {
			return;
		}
		if (next > this.cursor) {
			moveCursor(next);
		}
	}

	long cursor() {
		return this.cursor;
	}

	private void moveCursor(long millis) {
		this.cursor = millis;
		this.store.put(CURSOR_KEY, ByteBuffer.allocate(Long.BYTES).putLong(millis).array());
	}

	private static Bytes prefix(long millis) {
		return Bytes.wrap(ByteBuffer.allocate(Long.BYTES).putLong(millis).array());
	}

	private static Due decode(Bytes key) {
		byte[] raw = key.get();
		if (raw.length <= Long.BYTES + SUFFIX) {
			return null;
		}
		ByteBuffer buffer = ByteBuffer.wrap(raw);
		long due = buffer.getLong();
		int numberLength = raw.length - Long.BYTES - SUFFIX;
		String msisdn = new String(raw, Long.BYTES, numberLength, StandardCharsets.US_ASCII);
		buffer.position(Long.BYTES + numberLength);
		DueKind kind = DueKind.ofCode(buffer.get());
		int stage = buffer.getShort();
		return new Due(key, msisdn, new DueEntry(due, kind, stage, null));
	}

}
