package io.keepline.scheduler.streams;

import java.util.Map;

import io.keepline.support.streams.ErasedValueCompaction;
import org.apache.kafka.streams.state.RocksDBConfigSetter;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Cache;
import org.rocksdb.IndexType;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;
import org.rocksdb.WriteBufferManager;

/**
 * Bounds the off-heap memory of every RocksDB store of this JVM by one shared block cache
 * that also holds the memtables (through a write buffer manager) and the index and filter
 * blocks, partitioned, as the Kafka Streams memory-management guide describes. Without it
 * each store (two per task, 24 with 12 partitions) takes its own 50 MiB cache and up to
 * three 16 MiB memtables: more than 2 GiB outside the heap. Composes
 * {@link ErasedValueCompaction}, which the Streams defaults set when a service sets none:
 * an erased line's record leaves the {@code scheduler-lines} files within
 * {@code keepline.compaction.state-lag}.
 */
public final class BoundedRocksDbMemory implements RocksDBConfigSetter {

	/**
	 * Streams configuration key of the total bytes all stores share (default
	 * {@link #DEFAULT_TOTAL_BYTES}).
	 */
	public static final String TOTAL_BYTES_CONFIG = "keepline.rocksdb.total.bytes";

	/** 256 MiB: a tenth of what the unbounded defaults may take with 12 partitions. */
	public static final long DEFAULT_TOTAL_BYTES = 256L * 1024 * 1024;

	/** Share of the total given to memtables. */
	private static final double MEMTABLE_SHARE = 0.5;

	/** Share of the cache reserved for index and filter blocks. */
	private static final double INDEX_FILTER_SHARE = 0.1;

	private static final long MEMTABLE_BYTES = 16L * 1024 * 1024;

	private static Shared shared;

	private final ErasedValueCompaction erasure = new ErasedValueCompaction();

	@Override
	public void setConfig(String storeName, Options options, Map<String, Object> configs) {
		Shared memory = shared(configs);
		BlockBasedTableConfig table = (BlockBasedTableConfig) options.tableFormatConfig();
		table.setBlockCache(memory.cache());
		table.setCacheIndexAndFilterBlocks(true);
		table.setCacheIndexAndFilterBlocksWithHighPriority(true);
		table.setPinTopLevelIndexAndFilter(true);
		// Partitioned index and filters: only their small top level is pinned, the
		// partitions
		// come and go through the cache like data blocks. With whole index and filter
		// blocks
		// the lines store's outgrew the cache's high-priority share at 10M lines, and
		// every
		// read fetched a whole index block again from the page cache (GB/s of reads, a
		// drain's tail at a tenth of its speed).
		table.setIndexType(IndexType.kTwoLevelIndexSearch);
		table.setPartitionFilters(true);
		options.setWriteBufferManager(memory.writeBuffers());
		options.setWriteBufferSize(Math.min(MEMTABLE_BYTES, memory.totalBytes() / 8));
		options.setMaxWriteBufferNumber(2);
		options.setTableFormatConfig(table);
		this.erasure.setConfig(storeName, options, configs);
	}

	@Override
	public void close(String storeName, Options options) {
		// Shared by every store of the JVM, the cache and write buffers stay open.
		this.erasure.close(storeName, options);
	}

	/**
	 * The JVM's shared cache, made on first use with the size the first configuration
	 * asks for (every store of a process runs with the same configuration).
	 */
	private static synchronized Shared shared(Map<String, Object> configs) {
		if (shared == null) {
			long total = totalBytes(configs.get(TOTAL_BYTES_CONFIG));
			Cache cache = new LRUCache(total, -1, false, INDEX_FILTER_SHARE);
			shared = new Shared(total, cache, new WriteBufferManager((long) (total * MEMTABLE_SHARE), cache));
		}
		return shared;
	}

	static long totalBytes(Object configured) {
		if (configured == null) {
			return DEFAULT_TOTAL_BYTES;
		}
		long total = (configured instanceof Number number) ? number.longValue()
				: Long.parseLong(configured.toString().trim());
		if (total < 16L * 1024 * 1024) {
			throw new IllegalArgumentException(TOTAL_BYTES_CONFIG + " must be at least 16 MiB, got " + total);
		}
		return total;
	}

	private record Shared(long totalBytes, Cache cache, WriteBufferManager writeBuffers) {
	}

}
