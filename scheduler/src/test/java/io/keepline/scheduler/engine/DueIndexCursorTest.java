package io.keepline.scheduler.engine;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

import io.keepline.contracts.Msisdn;
import io.keepline.scheduler.deadline.DueEntry;
import io.keepline.scheduler.deadline.DueKind;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Where a scan of the due index starts. When many lines fall due at the same instant
 * (every Belgian holder whose line lapses on the same day gets its reminder at 10:00),
 * the next scan must start right after the last entry handled, not at the instant:
 * RocksDB would otherwise step over the tombstones of every entry already handled on each
 * seek, and a drain of N entries would cost N² / batch steps.
 */
class DueIndexCursorTest {

	private static final long DUE = 1_900_000_000_000L;

	private final List<Bytes> rangeStarts = new ArrayList<>();

	private KeyValueStore<Bytes, byte[]> store;

	@BeforeEach
	void store() {
		KeyValueStore<Bytes, byte[]> inMemory = Stores.inMemoryKeyValueStore("due-index").get();
		MockProcessorContext<Object, Object> context = new MockProcessorContext<>();
		inMemory.init(context.getStateStoreContext(), inMemory);
		this.store = recordingRangeStarts(inMemory);
	}

	@Test
	void resumesRightAfterTheLastEntryHandledNotAtItsInstant() {
		DueIndex index = new DueIndex(this.store);
		dueAtOnce(index, 0, 5);
		List<DueIndex.Due> first = handleSome(index, 2);

		List<DueIndex.Due> rest = index.due(DUE, 10);

		assertThat(rest).extracting(DueIndex.Due::msisdn)
			.containsExactly(line(2).value(), line(3).value(), line(4).value());
		Bytes secondStart = this.rangeStarts.get(1);
		assertThat(secondStart).isGreaterThan(first.get(1).key());
		assertThat(secondStart).isLessThan(rest.get(0).key());
	}

	@Test
	void findsAnEntryInsertedBeforeTheCursorAtTheSameInstant() {
		DueIndex index = new DueIndex(this.store);
		dueAtOnce(index, 10, 15);
		handleSome(index, 3);

		index.put(line(1), reminder(DUE));

		assertThat(index.due(DUE, 10)).extracting(DueIndex.Due::msisdn)
			.containsExactly(line(1).value(), line(13).value(), line(14).value());
	}

	@Test
	void doesNotSkipAnEntryInsertedWhileAScanWasHandled() {
		DueIndex index = new DueIndex(this.store);
		dueAtOnce(index, 10, 15);
		List<DueIndex.Due> batch = index.due(DUE, 10);
		handle(index, batch);
		// handling line 14 planned a deadline for line 12 that is due already
		index.put(line(12), new DueEntry(DUE, DueKind.LAPSE, 0, null));
		index.scanned(batch, true, DUE);

		assertThat(index.due(DUE, 10)).extracting((due) -> due.msisdn() + " " + due.entry().kind())
			.containsExactly(line(12).value() + " LAPSE");
	}

	@Test
	void movesToTheNextInstantOnceEverythingDueIsHandled() {
		DueIndex index = new DueIndex(this.store);
		index.put(line(1), reminder(DUE));
		index.put(line(2), reminder(DUE + 1_000));
		List<DueIndex.Due> batch = index.due(DUE, 10);
		handle(index, batch);
		index.scanned(batch, true, DUE);

		assertThat(index.cursor()).isEqualTo(Bytes.wrap(ByteBuffer.allocate(Long.BYTES).putLong(DUE + 1).array()));
		assertThat(index.due(DUE + 1_000, 10)).extracting(DueIndex.Due::msisdn).containsExactly(line(2).value());
	}

	@Test
	void readsACursorThatAnEarlierVersionSavedAsAnInstant() {
		DueIndex writer = new DueIndex(this.store);
		writer.put(line(1), reminder(DUE - 1_000));
		writer.put(line(2), reminder(DUE + 1_000));
		// earlier versions kept only the instant: 8 big-endian bytes under the cursor key
		this.store.put(Bytes.wrap(new byte[] { 0 }), ByteBuffer.allocate(Long.BYTES).putLong(DUE).array());

		DueIndex restarted = new DueIndex(this.store);

		assertThat(restarted.due(DUE + 1_000, 10)).extracting(DueIndex.Due::msisdn).containsExactly(line(2).value());
	}

	@Test
	void keepsTheCursorAcrossARestart() {
		DueIndex before = new DueIndex(this.store);
		dueAtOnce(before, 0, 4);
		handleSome(before, 2);

		DueIndex after = new DueIndex(this.store);

		assertThat(after.cursor()).isEqualTo(before.cursor());
		assertThat(after.due(DUE, 10)).extracting(DueIndex.Due::msisdn)
			.containsExactly(line(2).value(), line(3).value());
	}

	/**
	 * Lines {@code from} (inclusive) to {@code to} (exclusive), all due at {@code DUE}.
	 */
	private static void dueAtOnce(DueIndex index, int from, int to) {
		for (int i = from; i < to; i++) {
			index.put(line(i), reminder(DUE));
		}
	}

	/** A punctuation that handles {@code max} of what is due, and not all of it. */
	private static List<DueIndex.Due> handleSome(DueIndex index, int max) {
		List<DueIndex.Due> batch = index.due(DUE, max);
		handle(index, batch);
		index.scanned(batch, false, DUE);
		return batch;
	}

	private static void handle(DueIndex index, List<DueIndex.Due> batch) {
		batch.forEach((due) -> index.delete(due.key()));
	}

	private static Msisdn line(int i) {
		return Msisdn.of(String.format("+32470%06d", i));
	}

	private static DueEntry reminder(long due) {
		return new DueEntry(due, DueKind.REMINDER, 7, null);
	}

	@SuppressWarnings("unchecked")
	private KeyValueStore<Bytes, byte[]> recordingRangeStarts(KeyValueStore<Bytes, byte[]> delegate) {
		return (KeyValueStore<Bytes, byte[]>) Proxy.newProxyInstance(getClass().getClassLoader(),
				new Class<?>[] { KeyValueStore.class }, (proxy, method, args) -> {
					if (method.getName().equals("range") && args != null && args.length == 2) {
						this.rangeStarts.add((Bytes) args[0]);
					}
					try {
						return method.invoke(delegate, args);
					}
					catch (InvocationTargetException ex) {
						throw ex.getCause();
					}
				});
	}

}
