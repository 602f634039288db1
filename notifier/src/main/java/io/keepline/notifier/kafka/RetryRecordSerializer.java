package io.keepline.notifier.kafka;

import java.nio.charset.StandardCharsets;

import io.keepline.contracts.Msisdn;
import io.keepline.contracts.deadline.DeadlineEvent;
import io.keepline.contracts.json.EventJson;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Writes deadline records to the retry and dead-letter topics as they were read: msisdn
 * keys and event values in the catalogue's format, and the raw bytes of records that
 * could not be read at all.
 */
final class RetryRecordSerializer implements Serializer<Object> {

	@Override
	public byte[] serialize(String topic, Object data) {
		if (data == null) {
			return null;
		}
		if (data instanceof byte[] raw) {
			return raw;
		}
		if (data instanceof Msisdn msisdn) {
			return msisdn.value().getBytes(StandardCharsets.UTF_8);
		}
		if (data instanceof DeadlineEvent event) {
			return EventJson.write(event, DeadlineEvent.class);
		}
		if (data instanceof String text) {
			return text.getBytes(StandardCharsets.UTF_8);
		}
		throw new SerializationException("Cannot forward a " + data.getClass().getSimpleName() + " to " + topic);
	}

}
