package io.keepline.support.kafka;

import java.util.Map;

import io.keepline.contracts.topic.Topic;
import io.keepline.contracts.topic.Topics;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Writes a record forwarded to a dead-letter or retry topic as it was read: the raw bytes
 * of a record that could not be read at all, else the key or value in the wire format of
 * the catalogue topic it came from ({@code <topic>-dlt} and {@code <topic>-retry-N} lead
 * back to {@code <topic>}).
 */
public final class CatalogueSerializer implements Serializer<Object> {

	private boolean key;

	@Override
	public void configure(Map<String, ?> configs, boolean isKey) {
		this.key = isKey;
	}

	@Override
	@SuppressWarnings("unchecked")
	public byte[] serialize(String topicName, Object data) {
		if (data == null || data instanceof byte[]) {
			return (byte[]) data;
		}
		Topic<Object, Object> topic = (Topic<Object, Object>) Topics.owning(topicName)
			.orElseThrow(() -> new SerializationException(topicName + " is not a Keepline topic"));
		try {
			return (this.key ? topic.keySerde() : topic.valueSerde()).serializer().serialize(topicName, data);
		}
		catch (SerializationException ex) {
			throw ex;
		}
		catch (RuntimeException ex) {
			throw new SerializationException("a " + data.getClass().getSimpleName() + " is not a "
					+ (this.key ? "key" : "value") + " of " + topic, ex);
		}
	}

}
