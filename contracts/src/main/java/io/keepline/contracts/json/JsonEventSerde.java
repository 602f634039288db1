package io.keepline.contracts.json;

import java.util.Map;

import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Kafka serde for one topic's events as wire-format JSON. A record that does not parse
 * fails with a {@link SerializationException} naming the field and reason, which
 * dead-letter handling can record.
 */
public final class JsonEventSerde<T> implements Serde<T>, Serializer<T>, Deserializer<T> {

	private final Class<T> type;

	public JsonEventSerde(Class<T> type) {
		this.type = type;
	}

	public Class<T> type() {
		return this.type;
	}

	@Override
	public byte[] serialize(String topic, T data) {
		return (data != null) ? EventJson.write(data, this.type) : null;
	}

	@Override
	public T deserialize(String topic, byte[] data) {
		if (data == null) {
			return null;
		}
		try {
			return EventJson.read(data, this.type);
		}
		catch (MalformedEventException ex) {
			throw new SerializationException(
					"Unreadable " + this.type.getSimpleName() + " on " + topic + ": " + ex.getMessage(), ex);
		}
	}

	@Override
	public Serializer<T> serializer() {
		return this;
	}

	@Override
	public Deserializer<T> deserializer() {
		return this;
	}

	@Override
	public void configure(Map<String, ?> configs, boolean isKey) {
	}

	@Override
	public void close() {
	}

}
