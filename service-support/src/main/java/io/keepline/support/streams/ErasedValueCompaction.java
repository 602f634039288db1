package io.keepline.support.streams;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.kafka.streams.state.RocksDBConfigSetter;
import org.rocksdb.AbstractEventListener;
import org.rocksdb.AbstractEventListener.EnabledEventCallback;
import org.rocksdb.CompactRangeOptions;
import org.rocksdb.CompactRangeOptions.BottommostLevelCompaction;
import org.rocksdb.FlushJobInfo;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bounds how long an erased line's value stays in the RocksDB files of the stores that
 * hold a holder or a card ({@link #PERSONAL_STORES}, by store name). RocksDB drops a
 * deleted value only when a compaction merges its tombstone with it: a value flushed to
 * an SST file before the erasure stayed there in plain. From a store's first flush on
 * (which gives this listener the database), a background thread checks it every
 * {@code keepline.compaction.state-lag}: when a flush wrote a deletion since the last
 * check, or a deletion waits in a memtable, it compacts the whole store down to its
 * bottommost level (flushing the memtables first), which rewrites its files without the
 * deleted values, and RocksDB deletes the old files at once. A store compacts at most
 * once per lag; one closed with a deletion not yet compacted is compacted in its close,
 * before Streams closes the database (Streams flushes a store before it closes it).
 * <p>
 * Kafka Streams makes one setter per store instance and calls {@link #close} before it
 * closes the database; the compaction never runs in RocksDB's callback, which forbids it.
 */
public final class ErasedValueCompaction implements RocksDBConfigSetter {

	/**
	 * Streams configuration key of the longest time, in milliseconds or as a
	 * {@link Duration}, from a flushed deletion to the compaction that drops the deleted
	 * values ({@code keepline.compaction.state-lag}).
	 */
	public static final String LAG_CONFIG = "keepline.compaction.state-lag";

	/**
	 * Streams configuration key of the store names to compact, comma separated (default
	 * {@link #PERSONAL_STORES}).
	 */
	public static final String STORES_CONFIG = "keepline.compaction.state-stores";

	/** The production lag: one day. */
	public static final Duration DEFAULT_LAG = Duration.ofDays(1);

	/**
	 * The stores that hold a holder's contact or a saved card: the scheduler's, the
	 * notifier's and payments' line records, payments' history (saved cards).
	 */
	public static final Set<String> PERSONAL_STORES = Set.of("scheduler-lines", "notifier-lines", "payments-lines",
			"payments-history");

	private static final Logger log = LoggerFactory.getLogger(ErasedValueCompaction.class);

	private static final ScheduledExecutorService compactions = Executors.newSingleThreadScheduledExecutor((task) -> {
		Thread thread = new Thread(task, "keepline-state-compaction");
		thread.setDaemon(true);
		return thread;
	});

	private Compactor compactor;

	@Override
	public void setConfig(String storeName, Options options, Map<String, Object> configs) {
		if (!stores(configs.get(STORES_CONFIG)).contains(storeName)) {
			return;
		}
		this.compactor = new Compactor(storeName, lag(configs.get(LAG_CONFIG)));
		List<AbstractEventListener> listeners = new ArrayList<>(options.listeners());
		listeners.add(this.compactor.listener);
		options.setListeners(listeners);
	}

	/**
	 * Stops the store's scheduled compaction and waits for a running one; compacts now
	 * when a deletion was flushed since the last compaction.
	 */
	@Override
	public void close(String storeName, Options options) {
		if (this.compactor != null) {
			this.compactor.close();
			this.compactor = null;
		}
	}

	static Set<String> stores(Object configured) {
		if (configured == null) {
			return PERSONAL_STORES;
		}
		Set<String> stores = new HashSet<>();
		for (String name : configured.toString().split(",")) {
			if (!name.isBlank()) {
				stores.add(name.trim());
			}
		}
		return stores;
	}

	static Duration lag(Object configured) {
		if (configured == null) {
			return DEFAULT_LAG;
		}
		Duration lag;
		if (configured instanceof Duration duration) {
			lag = duration;
		}
		else if (configured instanceof Number number) {
			lag = Duration.ofMillis(number.longValue());
		}
		else {
			String text = configured.toString().trim();
			lag = text.chars().allMatch(Character::isDigit) ? Duration.ofMillis(Long.parseLong(text))
					: Duration.parse(text);
		}
		if (lag.isNegative() || lag.isZero()) {
			throw new IllegalArgumentException(LAG_CONFIG + " must be positive, was " + configured);
		}
		return lag;
	}

	/** One store's pending compaction. */
	private static final class Compactor {

		private final String storeName;

		private final Duration lag;

		private final AbstractEventListener listener;

		/**
		 * Held for a whole compaction and for the close; never taken in RocksDB's
		 * callback (a compaction waits for the flush it starts, whose callback would wait
		 * for it).
		 */
		private final Object lock = new Object();

		/** A deletion was flushed since the last compaction. */
		private final AtomicBoolean pending = new AtomicBoolean();

		/** The database, from a flush's callback (not owned). */
		private volatile RocksDB db;

		/** The check every lag, from the first flush on. */
		private volatile ScheduledFuture<?> scheduled;

		private volatile boolean closed;

		Compactor(String storeName, Duration lag) {
			this.storeName = storeName;
			this.lag = lag;
			this.listener = new AbstractEventListener(EnabledEventCallback.ON_FLUSH_COMPLETED) {
				@Override
				public void onFlushCompleted(RocksDB db, FlushJobInfo info) {
					flushed(db, info.getTableProperties().getNumDeletions() > 0);
				}
			};
		}

		/**
		 * The first flush since the store opened gives the database and starts the check
		 * every lag; a flush that wrote a deletion marks the store.
		 */
		private void flushed(RocksDB db, boolean deletions) {
			if (this.closed) {
				return;
			}
			this.db = db;
			if (deletions) {
				this.pending.set(true);
			}
			if (this.scheduled == null) {
				synchronized (this.listener) {
					if (this.scheduled == null) {
						this.scheduled = compactions.scheduleWithFixedDelay(this::check, this.lag.toMillis(),
								this.lag.toMillis(), TimeUnit.MILLISECONDS);
					}
				}
			}
		}

		/**
		 * Compacts when a deletion was flushed since the last compaction, or waits in a
		 * memtable (Streams flushes a store only every 10,000 records of its task, when a
		 * memtable is full, or before it closes it; the compaction flushes it first).
		 */
		private void check() {
			synchronized (this.lock) {
				if (this.closed) {
					return;
				}
				// cleared first: a deletion flushed during the compaction marks it again
				if (this.pending.getAndSet(false) | memtableDeletions() > 0) {
					compact();
				}
			}
		}

		private long memtableDeletions() {
			try {
				return this.db.getLongProperty("rocksdb.num-deletes-active-mem-table")
						+ this.db.getLongProperty("rocksdb.num-deletes-imm-mem-tables");
			}
			catch (RocksDBException ex) {
				return 1;
			}
		}

		void close() {
			synchronized (this.lock) {
				if (this.closed) {
					return;
				}
				this.closed = true;
				ScheduledFuture<?> future = this.scheduled;
				if (future != null) {
					future.cancel(false);
				}
				if (this.pending.getAndSet(false) | (this.db != null && memtableDeletions() > 0)) {
					compact();
				}
			}
		}

		/** Called with the lock held, while the database is open. */
		private void compact() {
			long start = System.nanoTime();
			try (CompactRangeOptions options = new CompactRangeOptions()
				.setBottommostLevelCompaction(BottommostLevelCompaction.kForce)) {
				this.db.compactRange(null, null, null, options);
				log.info("Compacted store {} to drop deleted values in {} ms", this.storeName,
						TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
			}
			catch (RocksDBException | RuntimeException ex) {
				log.warn("Could not compact store {}; deleted values stay until its next flushed deletion",
						this.storeName, ex);
			}
		}

	}

}
