package io.keepline.scheduler.engine;

import java.util.Map;

import io.keepline.contracts.json.EventJson;
import io.keepline.scheduler.deadline.LineState;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Serde of the per-line state as JSON with Keepline's mapper.
 */
public final class LineStateSerde implements Serde<LineState>, Serializer<LineState>, Deserializer<LineState> {

	@Override
	public byte[] serialize(String topic, LineState data) {
		return (data != null) ? EventJson.write(data, LineState.class) : null;
	}

	@Override
	public LineState deserialize(String topic, byte[] data) {
		return (data != null) ? EventJson.read(data, LineState.class) : null;
	}

	@Override
	public Serializer<LineState> serializer() {
		return this;
	}

	@Override
	public Deserializer<LineState> deserializer() {
		return this;
	}

	@Override
	public void configure(Map<String, ?> configs, boolean isKey) {
	}

	@Override
	public void close() {
	}

}
