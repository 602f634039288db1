package io.keepline.scheduler.engine;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
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
 * and stage, so a range scan returns deadlines in due order. A persisted cursor holds the
 * key the next scan starts at: just after the last entry handled, or the start of the
 * first instant not scanned yet. A scan therefore never walks the entries it already
 * deleted, even when a million lines fall due at the same instant (RocksDB would
 * otherwise step over all their tombstones on every seek). Inserting a deadline before
 * the cursor moves it back.
 */
final class DueIndex {

	/** The cursor's key: shorter than, and so sorted before, every entry key. */
	private static final Bytes CURSOR_KEY = Bytes.wrap(new byte[] { 0 });

	private static final byte[] PRESENT = { 1 };

	private static final int SUFFIX = 3;

	private final KeyValueStore<Bytes, byte[]> store;

	/**
	 * Where the next scan starts (inclusive). Earlier versions saved only an instant's
	 * 8-byte prefix, which reads back as the same key.
	 */
	private Bytes cursor;

	/** How many keys the last scan read, including those it skipped. */
	private int lastRead;

	/** The smallest key inserted since the current scan began, if any. */
	private Bytes lowestInserted;

	DueIndex(KeyValueStore<Bytes, byte[]> store) {
		this.store = store;
		byte[] saved = store.get(CURSOR_KEY);
		this.cursor = (saved != null) ? Bytes.wrap(saved) : prefix(0L);
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
		Bytes key = key(entry.dueMillis(), msisdn, entry.kind(), entry.stage());
		this.store.put(key, PRESENT);
		if (key.compareTo(this.cursor) < 0) {
			moveCursor(key);
		}
		if (this.lowestInserted == null || key.compareTo(this.lowestInserted) < 0) {
			this.lowestInserted = key;
		}
	}

	void delete(Msisdn msisdn, DueEntry entry) {
		delete(key(entry.dueMillis(), msisdn, entry.kind(), entry.stage()));
	}

	/**
	 * Deletes an entry by writing its tombstone: {@code put(key, null)} rather than
	 * {@code delete}, which reads the old value first (a point read per fired reminder
	 * that nobody uses, and a disk read when its block is cold).
	 */
	void delete(Bytes key) {
		this.store.put(key, null);
	}

	/**
	 * Up to {@code max} entries due at or before {@code nowMillis}, in due order, from
	 * the cursor on. The caller deletes what it handles and then calls {@link #scanned}.
	 */
	List<Due> due(long nowMillis, int max) {
		List<Due> found = new ArrayList<>();
		this.lowestInserted = null;
		this.lastRead = 0;
		if (millis(this.cursor) > nowMillis) {
			return found;
		}
		try (KeyValueIterator<Bytes, byte[]> range = this.store.range(this.cursor, prefix(nowMillis + 1))) {
			while (range.hasNext() && found.size() < max) {
				KeyValue<Bytes, byte[]> next = range.next();
				this.lastRead++;
				Due due = decode(next.key);
				if (due != null && due.entry().dueMillis() <= nowMillis) {
					found.add(due);
				}
			}
		}
		return found;
	}

	/**
	 * Moves the cursor past a scan: to the first instant after {@code nowMillis} when the
	 * scan handled everything due ({@code drained}), else to just after the last entry
	 * handled, so that what is left is found again next time; never past an entry
	 * inserted while the scan's entries were handled, which may be due already.
	 */
	void scanned(List<Due> handled, boolean drained, long nowMillis) {
		Bytes next;
		if (drained) {
			next = prefix(nowMillis + 1);
		}
		else if (!handled.isEmpty()) {
			next = after(handled.get(handled.size() - 1).key());
		}
		else {
			return;
		}
		if (this.lowestInserted != null && this.lowestInserted.compareTo(next) < 0) {
			next = this.lowestInserted;
		}
		if (next.compareTo(this.cursor) > 0) {
			moveCursor(next);
		}
	}

	/** How many keys the last {@link #due} read, including those it skipped. */
	int lastRead() {
		return this.lastRead;
	}

	/** The key the next scan starts at. */
	Bytes cursor() {
		return this.cursor;
	}

	private void moveCursor(Bytes next) {
		this.cursor = next;
		this.store.put(CURSOR_KEY, next.get());
	}

	private static Bytes prefix(long millis) {
		return Bytes.wrap(ByteBuffer.allocate(Long.BYTES).putLong(millis).array());
	}

	/** The smallest key sorted after {@code key}: the key with a zero byte appended. */
	private static Bytes after(Bytes key) {
		return Bytes.wrap(Arrays.copyOf(key.get(), key.get().length + 1));
	}

	private static long millis(Bytes key) {
		return ByteBuffer.wrap(key.get()).getLong();
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
