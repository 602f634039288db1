package io.keepline.ingest.kafka;

import java.util.ArrayList;
import java.util.List;

import io.keepline.contracts.rejected.IngestSource;
import io.keepline.ingest.BatchIngestor;
import io.keepline.ingest.IngestItem;
import io.keepline.ingest.IngestResult;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.kafka.listener.BatchMessageListener;

/**
 * The Kafka-native path: each polled batch of raw operator records is validated like an
 * HTTP batch and written, with the consumed offsets, in the container's transaction. Bad
 * input becomes rejections; only an unavailable Kafka makes a batch roll back and retry.
 */
final class RawEventListener implements BatchMessageListener<byte[], byte[]> {

	private static final Logger log = LoggerFactory.getLogger(RawEventListener.class);

	private final BatchIngestor ingestor;

	private final RawRecords rawRecords;

	RawEventListener(BatchIngestor ingestor, RawRecords rawRecords) {
		this.ingestor = ingestor;
		this.rawRecords = rawRecords;
	}

	@Override
	public void onMessage(List<ConsumerRecord<byte[], byte[]>> records) {
		List<IngestItem> items = new ArrayList<>(records.size());
		for (ConsumerRecord<byte[], byte[]> record : records) {
			items.add(this.rawRecords.toItem(record));
		}
		IngestResult result = this.ingestor.ingest(IngestSource.KAFKA, items);
		log.debug("Raw operator records: {} accepted, {} rejected", result.accepted(), result.rejected());
	}

}
