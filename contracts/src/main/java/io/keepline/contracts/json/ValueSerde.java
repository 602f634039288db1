package io.keepline.contracts.json;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Function;

import io.keepline.contracts.InvalidValueException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Kafka serde for a value object keyed as its UTF-8 string, such as an msisdn or an
 * operator id.
 */
public final class ValueSerde<T> implements Serde<T>, Serializer<T>, Deserializer<T> {

	private final Function<T, String> format;

	private final Function<String, T> parse;

	public ValueSerde(Function<T, String> format, Function<String, T> parse) {
		this.format = format;
		this.parse = parse;
	}

	@Override
	public byte[] serialize(String topic, T data) {
		return (data != null) ? this.format.apply(data).getBytes(StandardCharsets.UTF_8) : null;
	}

	@Override
	public T deserialize(String topic, byte[] data) {
		if (data == null) {
			return null;
		}
		try {
			return this.parse.apply(new String(data, StandardCharsets.UTF_8));
		}
		catch (InvalidValueException ex) {
			throw new SerializationException("Unreadable key on " + topic + ": " + ex.reason(), ex);
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
