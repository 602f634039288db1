package io.keepline.scheduler.engine;

import java.util.Map;

import io.keepline.contracts.json.EventJson;
import io.keepline.scheduler.deadline.LineState;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Serde of the per-line state: written in the compact binary form of
 * {@link LineStateCodec}; read in that form or as the JSON (Keepline's mapper) that
 * earlier versions stored, which a store keeps until each line is written again.
 */
public final class LineStateSerde implements Serde<LineState>, Serializer<LineState>, Deserializer<LineState> {

	@Override
	public byte[] serialize(String topic, LineState data) {
		return (data != null) ? LineStateCodec.write(data) : null;
	}

	@Override
	public LineState deserialize(String topic, byte[] data) {
		if (data == null) {
			return null;
		}
		return LineStateCodec.isBinary(data) ? LineStateCodec.read(data) : EventJson.read(data, LineState.class);
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
