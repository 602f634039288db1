package io.keepline.ingest.ownership;

import io.keepline.contracts.Msisdn;
import io.keepline.contracts.line.LineEvent;
import io.keepline.contracts.line.LineOwner;
import io.keepline.contracts.line.LineOwnership;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Applies {@link LineOwnership} to each line event in topic order, keeping the owner of
 * each line in the store (lines nobody owns are not stored). An event the rule refuses
 * changes nothing, as in the scheduler.
 */
final class OwnershipProcessor implements Processor<Msisdn, LineEvent, Void, Void> {

	private KeyValueStore<Msisdn, LineOwner> owners;

	@Override
	public void init(ProcessorContext<Void, Void> context) {
		this.owners = context.getStateStore(OwnershipTopology.STORE);
	}

	@Override
	public void process(Record<Msisdn, LineEvent> record) {
		if (record.key() == null || record.value() == null) {
			return;
		}
		LineOwner current = this.owners.get(record.key());
		LineOwnership.Decision decision = LineOwnership.apply(current, record.value());
		if (!decision.allowed() || (decision.owner() != null && decision.owner().equals(current))) {
			return;
		}
		if (decision.owner() == null) {
			if (current != null) {
				this.owners.delete(record.key());
			}
			return;
		}
		this.owners.put(record.key(), decision.owner());
	}

}
