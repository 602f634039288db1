package io.keepline.ingest.kafka;

import java.util.List;

import io.keepline.contracts.Msisdn;
import io.keepline.contracts.OperatorId;
import io.keepline.contracts.line.LineEvent;
import io.keepline.contracts.linekey.ContactSealer;
import io.keepline.contracts.linekey.LineKey;
import io.keepline.contracts.linekey.LineKeyId;
import io.keepline.contracts.linekey.SealedEvent;
import io.keepline.contracts.rejected.EventRejected;
import io.keepline.contracts.rejected.RejectedEvent;
import io.keepline.contracts.topic.Topics;
import io.keepline.ingest.EventPublisher;
import io.keepline.ingest.BatchNotPublishedException;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.Serializer;

import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Publishes a batch in one Kafka transaction: valid events to line-events keyed by
 * msisdn, each holder contact sealed under a new line key written to the key topic just
 * before it, rejections to rejected-events keyed by operator. A batch either commits
 * whole (every record acknowledged by all in-sync replicas) or aborts and stays invisible
 * to read_committed readers, its keys with it. Inside a listener's transaction it joins
 * that one instead.
 */
public final class KafkaEventPublisher implements EventPublisher {

	private static final String LINE_TOPIC = Topics.LINE_EVENTS.name();

	private static final String REJECTED_TOPIC = Topics.REJECTED_EVENTS.name();

	private static final String KEY_TOPIC = Topics.LINE_KEYS.name();

	private final KafkaTemplate<byte[], byte[]> template;

	private final Serializer<Msisdn> lineKeys = Topics.LINE_EVENTS.keySerde().serializer();

	private final Serializer<LineKeyId> keyIds = Topics.LINE_KEYS.keySerde().serializer();

	private final Serializer<LineKey> keyValues = Topics.LINE_KEYS.valueSerde().serializer();

	private final ContactSealer sealer;

	private final Serializer<OperatorId> rejectedKeys = Topics.REJECTED_EVENTS.keySerde().serializer();

	private final Serializer<RejectedEvent> rejectedValues = Topics.REJECTED_EVENTS.valueSerde().serializer();

	KafkaEventPublisher(KafkaTemplate<byte[], byte[]> template, ContactSealer sealer) {
		this.template = template;
		this.sealer = sealer;
	}

	@Override
	public void publish(List<LineEvent> accepted, List<EventRejected> rejected) {
		if (accepted.isEmpty() && rejected.isEmpty()) {
			return;
		}
		try {
			if (this.template.inTransaction()) {
				send(this.template, accepted, rejected);
			}
			else {
				this.template.executeInTransaction((operations) -> send(operations, accepted, rejected));
			}
		}
		catch (KafkaException | org.springframework.kafka.KafkaException ex) {
			throw new BatchNotPublishedException("Kafka did not take the batch: " + ex.getMessage(), ex);
		}
	}

	private Void send(KafkaOperations<byte[], byte[]> operations, List<LineEvent> accepted,
			List<EventRejected> rejected) {
		for (LineEvent event : accepted) {
			SealedEvent sealed = this.sealer.seal(event);
			if (sealed.keyed()) {
				operations.send(new ProducerRecord<>(KEY_TOPIC, this.keyIds.serialize(KEY_TOPIC, sealed.keyId()),
						this.keyValues.serialize(KEY_TOPIC, sealed.key())));
			}
			operations.send(new ProducerRecord<>(LINE_TOPIC, this.lineKeys.serialize(LINE_TOPIC, event.msisdn()),
					sealed.value()));
		}
		for (EventRejected event : rejected) {
			operations.send(
					new ProducerRecord<>(REJECTED_TOPIC, this.rejectedKeys.serialize(REJECTED_TOPIC, event.operator()),
							this.rejectedValues.serialize(REJECTED_TOPIC, event)));
		}
		return null;
	}

}
