package io.keepline.support.streams;

import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.processor.StateRestoreListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs state store restoration at start-up and after rebalances: its start, its progress
 * at most every 100,000 records, and its end.
 */
public final class RestoreProgressLog implements StateRestoreListener {

	private static final Logger log = LoggerFactory.getLogger(RestoreProgressLog.class);

	private static final long EVERY = 100_000;

	@Override
	public void onRestoreStart(TopicPartition partition, String store, long startingOffset, long endingOffset) {
		log.info("Restoring {} from {} ({} records to read)", store, partition, endingOffset - startingOffset);
	}

	@Override
	public void onBatchRestored(TopicPartition partition, String store, long batchEndOffset, long numRestored) {
		if (batchEndOffset / EVERY != (batchEndOffset - numRestored) / EVERY) {
			log.info("Restoring {} from {}: at offset {}", store, partition, batchEndOffset);
		}
	}

	@Override
	public void onRestoreEnd(TopicPartition partition, String store, long totalRestored) {
		log.info("Restored {} from {} ({} records)", store, partition, totalRestored);
	}

}
