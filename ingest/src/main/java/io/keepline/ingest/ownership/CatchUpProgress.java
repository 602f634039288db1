package io.keepline.ingest.ownership;

import java.util.concurrent.atomic.AtomicLong;

import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.processor.StateRestoreListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs how far the view of line owners has read line-events while it catches up at
 * start-up: every million records, across partitions.
 */
final class CatchUpProgress implements StateRestoreListener {

	private static final Logger log = LoggerFactory.getLogger(CatchUpProgress.class);

	private static final long EVERY = 1_000_000;

	private final AtomicLong toRead = new AtomicLong();

	private final AtomicLong read = new AtomicLong();

	@Override
	public void onRestoreStart(TopicPartition partition, String store, long startingOffset, long endingOffset) {
		this.toRead.addAndGet(endingOffset - startingOffset);
		log.debug("Line owners: reading {} from offset {} to {}", partition, startingOffset, endingOffset);
	}

	@Override
	public void onBatchRestored(TopicPartition partition, String store, long batchEndOffset, long numRestored) {
		long total = this.read.addAndGet(numRestored);
		if (total / EVERY != (total - numRestored) / EVERY) {
			log.info("Line owners: {} line events read so far ({} to read in the partitions started)", total,
					this.toRead.get());
		}
	}

	@Override
	public void onRestoreEnd(TopicPartition partition, String store, long totalRestored) {
		log.debug("Line owners: {} done, {} records", partition, totalRestored);
	}

}
