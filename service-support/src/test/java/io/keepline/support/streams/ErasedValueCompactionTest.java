package io.keepline.support.streams;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rocksdb.CompactionStyle;
import org.rocksdb.FlushOptions;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.WriteOptions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.awaitility.Awaitility.await;

/**
 * A real RocksDB, opened as Kafka Streams opens a store's (universal compaction, no
 * write-ahead log): a line record flushed to an SST file, then deleted and the deletion
 * flushed, leaves no file of the store holding its bytes once the lag has passed.
 */
class ErasedValueCompactionTest {

	static {
		RocksDB.loadLibrary();
	}

	@TempDir
	Path dir;

	@Test
	void aFlushedDeletionCompactsTheDeletedValueAwayWithinTheLag() throws Exception {
		// a lag long enough that the check before it is not overtaken on a busy machine
		try (Store store = new Store(this.dir, "scheduler-lines", Duration.ofSeconds(2))) {
			byte[] canary = store.writeFlushDeleteFlush();
			assertThat(filesHolding(canary)).as("before the lag, the value is in an SST file").isNotEmpty();
			await().atMost(Duration.ofSeconds(10)).until(() -> filesHolding(canary).isEmpty());
			assertThat(store.db.get(store.key)).isNull();
		}
	}

	@Test
	void aDeletionLeftInTheMemtableIsFlushedAndCompactedWithinTheLag() throws Exception {
		try (Store store = new Store(this.dir, "payments-lines", Duration.ofSeconds(2))) {
			byte[] canary = store.writeFlushDelete();
			assertThat(filesHolding(canary)).as("before the lag, the value is in an SST file").isNotEmpty();
			await().atMost(Duration.ofSeconds(10)).until(() -> filesHolding(canary).isEmpty());
		}
	}

	@Test
	void aStoreClosedBeforeTheLagIsCompactedInItsClose() throws Exception {
		byte[] canary;
		try (Store store = new Store(this.dir, "notifier-lines", Duration.ofHours(1))) {
			canary = store.writeFlushDeleteFlush();
			assertThat(filesHolding(canary)).isNotEmpty();
		}
		assertThat(filesHolding(canary)).as("after the close").isEmpty();
	}

	@Test
	void aStoreWithoutPersonalDataIsLeftAlone() throws Exception {
		byte[] canary;
		try (Store store = new Store(this.dir, "scheduler-due-index", Duration.ofMillis(1))) {
			canary = store.writeFlushDeleteFlush();
		}
		assertThat(filesHolding(canary)).as("RocksDB alone keeps the deleted value").isNotEmpty();
	}

	@Test
	void readsItsSettings() {
		assertThat(ErasedValueCompaction.lag(null)).isEqualTo(Duration.ofDays(1));
		assertThat(ErasedValueCompaction.lag(60_000L)).isEqualTo(Duration.ofMinutes(1));
		assertThat(ErasedValueCompaction.lag("60000")).isEqualTo(Duration.ofMinutes(1));
		assertThat(ErasedValueCompaction.lag("PT1M")).isEqualTo(Duration.ofMinutes(1));
		assertThatIllegalArgumentException().isThrownBy(() -> ErasedValueCompaction.lag(0))
			.withMessageContaining(ErasedValueCompaction.LAG_CONFIG);
		assertThat(ErasedValueCompaction.stores(null)).isEqualTo(ErasedValueCompaction.PERSONAL_STORES);
		assertThat(ErasedValueCompaction.stores("a-lines, b-history")).containsExactlyInAnyOrder("a-lines",
				"b-history");
	}

	private List<Path> filesHolding(byte[] canary) throws IOException {
		String text = new String(canary, StandardCharsets.ISO_8859_1);
		try (Stream<Path> files = Files.list(this.dir)) {
			return files.filter(Files::isRegularFile).filter((file) -> {
				try {
					return new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1).contains(text);
				}
				catch (IOException ex) {
					// a file RocksDB deleted while it was listed
					return false;
				}
			}).toList();
		}
	}

	/** A store as Kafka Streams opens, configures and closes it. */
	private static final class Store implements AutoCloseable {

		final ErasedValueCompaction setter = new ErasedValueCompaction();

		final Options options = new Options().setCreateIfMissing(true).setCompactionStyle(CompactionStyle.UNIVERSAL);

		final WriteOptions write = new WriteOptions().setDisableWAL(true);

		final byte[] key = UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8);

		final String name;

		final RocksDB db;

		Store(Path dir, String name, Duration lag) throws RocksDBException {
			this.name = name;
			this.setter.setConfig(name, this.options, Map.of(ErasedValueCompaction.LAG_CONFIG, lag.toMillis()));
			this.db = RocksDB.open(this.options, dir.toString());
		}

		/** Writes a line record, flushes it, deletes it and flushes the deletion. */
		byte[] writeFlushDeleteFlush() throws RocksDBException {
			byte[] canary = writeFlushDelete();
			flush();
			return canary;
		}

		/**
		 * Writes a line record, flushes it and deletes it, the deletion left in the
		 * memtable (as Streams leaves it until 10,000 records of the task later).
		 */
		byte[] writeFlushDelete() throws RocksDBException {
			byte[] canary = ("Holder " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
			this.db.put(this.write, this.key, canary);
			// other lines, so that the file holds more than the erased one
			for (int i = 0; i < 100; i++) {
				this.db.put(this.write, ("other-" + i).getBytes(StandardCharsets.UTF_8),
						("Other Holder " + i).getBytes(StandardCharsets.UTF_8));
			}
			flush();
			this.db.delete(this.write, this.key);
			return canary;
		}

		private void flush() throws RocksDBException {
			try (FlushOptions flush = new FlushOptions().setWaitForFlush(true)) {
				this.db.flush(flush);
			}
		}

		@Override
		public void close() {
			// as RocksDBStore.close: the setter first, then the database
			this.setter.close(this.name, this.options);
			this.db.close();
			this.write.close();
			this.options.close();
		}

	}

}
