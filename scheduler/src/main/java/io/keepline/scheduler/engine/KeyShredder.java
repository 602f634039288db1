package io.keepline.scheduler.engine;

import java.util.ArrayList;
import java.util.List;

import io.keepline.contracts.Msisdn;
import io.keepline.contracts.line.LineErased;
import io.keepline.contracts.linekey.LineKey;
import io.keepline.contracts.linekey.LineKeyId;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;

/**
 * Shreds an erased line's keys: on {@code LineErased}, a tombstone for every key of the
 * line made no later than the erasure's record (by the key's creation time), in the
 * transaction that erases the line's state. The keys of both writers are caught, ingest's
 * (holder contacts) and payments' (saved cards): they are all {@code <msisdn>/<id>},
 * found by the line's prefix. Every key an earlier event of the line was sealed with is
 * in the store by then: the event was opened before, waiting for its key. A key made
 * after the erasure belongs to a new registration of the number, and stays.
 */
final class KeyShredder implements Processor<Msisdn, LineErased, LineKeyId, LineKey> {

	private static final StringSerializer PREFIX = new StringSerializer();

	private ProcessorContext<LineKeyId, LineKey> context;

	private KeyValueStore<LineKeyId, ValueAndTimestamp<LineKey>> keys;

	@Override
	public void init(ProcessorContext<LineKeyId, LineKey> context) {
		this.context = context;
		this.keys = context.getStateStore(SchedulerTopology.KEYS_STORE);
	}

	@Override
	public void process(Record<Msisdn, LineErased> record) {
		for (KeyValue<LineKeyId, LineKey> key : keysMadeBy(record.value().msisdn(), record.timestamp())) {
			this.context.forward(new Record<>(key.key, null, record.timestamp()));
		}
	}

	private List<KeyValue<LineKeyId, LineKey>> keysMadeBy(Msisdn msisdn, long erasedAt) {
		List<KeyValue<LineKeyId, LineKey>> found = new ArrayList<>();
		try (KeyValueIterator<LineKeyId, ValueAndTimestamp<LineKey>> scan = this.keys
			.prefixScan(LineKeyId.prefix(msisdn), PREFIX)) {
			scan.forEachRemaining((entry) -> {
				LineKey key = entry.value.value();
				if (key != null && key.createdAt().toEpochMilli() <= erasedAt) {
					found.add(KeyValue.pair(entry.key, key));
				}
			});
		}
		return found;
	}

}
