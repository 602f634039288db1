package io.keepline.notifier.kafka;

import java.time.Instant;

import io.keepline.contracts.Msisdn;
import io.keepline.contracts.linerecord.LineRecord;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Keeps the notifier's global store of line records equal to keepline.lines.v1 (a
 * tombstone deletes), and notes erasures in {@link RecentErasures}. Kafka Streams runs it
 * on restoration too.
 */
final class LineRecordUpdater implements Processor<Msisdn, LineRecord, Void, Void> {

	private final RecentErasures erasures;

	private KeyValueStore<Msisdn, LineRecord> store;

	LineRecordUpdater(RecentErasures erasures) {
		this.erasures = erasures;
	}

	@Override
	public void init(ProcessorContext<Void, Void> context) {
		this.store = context.getStateStore(NotifierLinesTopology.STORE);
	}

	@Override
	public void process(Record<Msisdn, LineRecord> record) {
		Msisdn msisdn = record.key();
		if (msisdn == null) {
			return;
		}
		if (record.value() == null) {
			this.store.delete(msisdn);
			this.erasures.erased(msisdn, Instant.ofEpochMilli(record.timestamp()));
		}
		else {
			this.store.put(msisdn, record.value());
			this.erasures.registered(msisdn);
		}
	}

}
