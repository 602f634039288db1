package io.keepline.notifier.kafka;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

import io.keepline.notifier.delivery.SentLogStore;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.BloomFilter;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.TtlDB;
import org.rocksdb.WriteOptions;

/**
 * The sent-log on disk: a RocksDB database whose entries expire {@code ttl} after they
 * were written (RocksDB drops them when it compacts), so that neither its size nor the
 * start-up time grows with history. Off the heap, in a bounded cache and memtables.
 */
final class RocksDbSentLogStore implements SentLogStore, AutoCloseable {

	private static final byte[] PRESENT = { 1 };

	private static final String POSITION = "\u0000p:";

	private static final long CACHE_BYTES = 16L << 20;

	private static final long WRITE_BUFFER_BYTES = 8L << 20;

	static {
		RocksDB.loadLibrary();
	}

	private final ReadWriteLock lock = new ReentrantReadWriteLock();

	private final LRUCache cache;

	private final BloomFilter filter;

	private final Options options;

	private final WriteOptions writes;

	private final TtlDB db;

	private boolean closed;

	RocksDbSentLogStore(Path directory, Duration ttl) {
		try {
			Files.createDirectories(directory);
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot create the sent-log directory " + directory, ex);
		}
		this.cache = new LRUCache(CACHE_BYTES);
		this.filter = new BloomFilter(10);
		this.options = new Options().setCreateIfMissing(true)
			.setWriteBufferSize(WRITE_BUFFER_BYTES)
			.setMaxWriteBufferNumber(2)
			.setTableFormatConfig(new BlockBasedTableConfig().setBlockCache(this.cache)
				.setFilterPolicy(this.filter)
				.setCacheIndexAndFilterBlocks(true));
		this.writes = new WriteOptions();
		try {
			this.db = TtlDB.open(this.options, directory.toString(), Math.toIntExact(ttl.toSeconds()), false);
		}
		catch (RocksDBException ex) {
			close();
			throw new IllegalStateException("Cannot open the sent-log at " + directory
					+ " (is another notifier using the same state directory?)", ex);
		}
	}

	@Override
	public boolean contains(String key) {
		this.lock.readLock().lock();
		try {
			check();
			return this.db.get(bytes(key)) != null;
		}
		catch (RocksDBException ex) {
			throw new IllegalStateException("Cannot read the sent-log", ex);
		}
		finally {
			this.lock.readLock().unlock();
		}
	}

	@Override
	public void add(String key) {
		put(bytes(key), PRESENT);
	}

	@Override
	public long size() {
		this.lock.readLock().lock();
		try {
			check();
			return this.db.getLongProperty("rocksdb.estimate-num-keys");
		}
		catch (RocksDBException ex) {
			return -1;
		}
		finally {
			this.lock.readLock().unlock();
		}
	}

	@Override
	public Map<Integer, Long> positions() {
		Map<Integer, Long> positions = new HashMap<>();
		byte[] prefix = bytes(POSITION);
		this.lock.readLock().lock();
		try (RocksIterator entries = this.db.newIterator()) {
			check();
			for (entries.seek(prefix); entries.isValid() && startsWith(entries.key(), prefix); entries.next()) {
				String partition = new String(entries.key(), prefix.length, entries.key().length - prefix.length,
						StandardCharsets.UTF_8);
				positions.put(Integer.valueOf(partition), ByteBuffer.wrap(entries.value()).getLong());
			}
			return positions;
		}
		finally {
			this.lock.readLock().unlock();
		}
	}

	@Override
	public void advance(Map<Integer, Long> positions) {
		positions.forEach((partition, offset) -> put(bytes(POSITION + partition),
				ByteBuffer.allocate(Long.BYTES).putLong(offset).array()));
	}

	private void put(byte[] key, byte[] value) {
		this.lock.readLock().lock();
		try {
			check();
			this.db.put(this.writes, key, value);
		}
		catch (RocksDBException ex) {
			throw new IllegalStateException("Cannot write the sent-log", ex);
		}
		finally {
			this.lock.readLock().unlock();
		}
	}

	private void check() {
		if (this.closed) {
			throw new IllegalStateException("The sent-log is closed");
		}
	}

	@Override
	public void close() {
		this.lock.writeLock().lock();
		try {
			if (this.closed) {
				return;
			}
			this.closed = true;
			if (this.db != null) {
				this.db.close();
			}
			this.writes.close();
			this.options.close();
			this.filter.close();
			this.cache.close();
		}
		finally {
			this.lock.writeLock().unlock();
		}
	}

	private static boolean startsWith(byte[] key, byte[] prefix) {
		if (key.length < prefix.length) {
			return false;
		}
		for (int i = 0; i < prefix.length; i++) {
			if (key[i] != prefix[i]) {
				return false;
			}
		}
		return true;
	}

	private static byte[] bytes(String key) {
		return key.getBytes(StandardCharsets.UTF_8);
	}

}
