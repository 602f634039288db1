package io.keepline.payments.renewal;

import java.nio.charset.StandardCharsets;

import io.keepline.contracts.Msisdn;
import io.keepline.contracts.deadline.DeadlineEvent;
import io.keepline.contracts.topic.Topics;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Writes dead letters as they came: original bytes when deserialisation failed, else the
 * catalogue's wire format of the key or event.
 */
class DeadLetterSerializer implements Serializer<Object> {

	@Override
	public byte[] serialize(String topic, Object data) {
		if (data == null) {
			return null;
		}
		if (data instanceof byte[] bytes) {
			return bytes;
		}
		if (data instanceof Msisdn msisdn) {
			return Topics.DEADLINE_EVENTS.keySerde().serializer().serialize(topic, msisdn);
		}
		if (data instanceof DeadlineEvent event) {
			return Topics.DEADLINE_EVENTS.valueSerde().serializer().serialize(topic, event);
		}
		return data.toString().getBytes(StandardCharsets.UTF_8);
	}

}
