package io.keepline.scheduler.streams;

import java.util.Map;

import io.keepline.scheduler.engine.SchedulerTopology;
import org.junit.jupiter.api.Test;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.IndexType;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class BoundedRocksDbMemoryTest {

	@Test
	void givesEveryStoreTheSameCacheAndSmallMemtables() {
		RocksDB.loadLibrary();
		BoundedRocksDbMemory setter = new BoundedRocksDbMemory();
		try (Options first = new Options(); Options second = new Options()) {
			first.setTableFormatConfig(new BlockBasedTableConfig());
			second.setTableFormatConfig(new BlockBasedTableConfig());
			Map<String, Object> configs = Map.of(BoundedRocksDbMemory.TOTAL_BYTES_CONFIG, 64L * 1024 * 1024);
			setter.setConfig("lines", first, configs);
			setter.setConfig("due-index", second, configs);
			assertThat(first.writeBufferSize()).isLessThanOrEqualTo(16L * 1024 * 1024);
			assertThat(first.maxWriteBufferNumber()).isEqualTo(2);
			BlockBasedTableConfig table = (BlockBasedTableConfig) first.tableFormatConfig();
			assertThat(table.cacheIndexAndFilterBlocks()).isTrue();
			assertThat(table.indexType()).isEqualTo(IndexType.kTwoLevelIndexSearch);
			assertThat(table.partitionFilters()).isTrue();
			assertThat(first.writeBufferManager()).isSameAs(second.writeBufferManager()).isNotNull();
		}
	}

	@Test
	void composesTheCompactionOfErasedValuesForTheLinesStore() {
		RocksDB.loadLibrary();
		BoundedRocksDbMemory lines = new BoundedRocksDbMemory();
		BoundedRocksDbMemory index = new BoundedRocksDbMemory();
		try (Options first = new Options(); Options second = new Options()) {
			first.setTableFormatConfig(new BlockBasedTableConfig());
			second.setTableFormatConfig(new BlockBasedTableConfig());
			lines.setConfig(SchedulerTopology.LINES_STORE, first, Map.of());
			index.setConfig(SchedulerTopology.INDEX_STORE, second, Map.of());
			assertThat(first.listeners()).hasSize(1);
			assertThat(second.listeners()).isEmpty();
			lines.close(SchedulerTopology.LINES_STORE, first);
			index.close(SchedulerTopology.INDEX_STORE, second);
		}
	}

	@Test
	void readsTheTotalFromTheStreamsConfiguration() {
		assertThat(BoundedRocksDbMemory.totalBytes(null)).isEqualTo(BoundedRocksDbMemory.DEFAULT_TOTAL_BYTES);
		assertThat(BoundedRocksDbMemory.totalBytes("536870912")).isEqualTo(512L * 1024 * 1024);
		assertThatIllegalArgumentException().isThrownBy(() -> BoundedRocksDbMemory.totalBytes(1024))
			.withMessageContaining(BoundedRocksDbMemory.TOTAL_BYTES_CONFIG);
	}

}
