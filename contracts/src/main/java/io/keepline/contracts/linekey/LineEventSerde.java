package io.keepline.contracts.linekey;

import java.util.Map;

import io.keepline.contracts.Msisdn;
import io.keepline.contracts.json.EventJson;
import io.keepline.contracts.json.MalformedEventException;
import io.keepline.contracts.line.LineEvent;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The serde of line-events: writes events as plain JSON (ingest seals with
 * {@link ContactSealer}), and reads plain and sealed ones alike, opening a sealed contact
 * with its {@link LineKeyring}. With {@link LineKeyring#NONE} (the catalogue's serde) a
 * sealed contact reads as unknown: a reader that does not need the contact never sees it.
 */
public final class LineEventSerde implements Serde<LineEvent>, Serializer<LineEvent>, Deserializer<LineEvent> {

	private final LineKeyring keyring;

	public LineEventSerde(LineKeyring keyring) {
		this.keyring = keyring;
	}

	@Override
	public byte[] serialize(String topic, LineEvent data) {
		return (data != null) ? EventJson.write(data, LineEvent.class) : null;
	}

	@Override
	public LineEvent deserialize(String topic, byte[] data) {
		if (data == null) {
			return null;
		}
		try {
			return SealMark.in(data) ? opened(data) : EventJson.read(data, LineEvent.class);
		}
		catch (MalformedEventException ex) {
			throw new SerializationException("Unreadable LineEvent on " + topic + ": " + ex.getMessage(), ex);
		}
	}

	private LineEvent opened(byte[] data) {
		JsonNode tree;
		try {
			tree = EventJson.mapper().readTree(data);
		}
		catch (JacksonException ex) {
			throw EventJson.malformed(ex);
		}
		if (tree.path("holder") instanceof ObjectNode holder && holder.has(SealedContact.PROPERTY)) {
			try {
				SealedContact.open(holder, Msisdn.of(tree.path("msisdn").asString()), this.keyring);
			}
			catch (RuntimeException ex) {
				throw new SerializationException("Unreadable sealed contact on line-events: " + ex.getMessage(), ex);
			}
		}
		return EventJson.read(tree, LineEvent.class);
	}

	@Override
	public Serializer<LineEvent> serializer() {
		return this;
	}

	@Override
	public Deserializer<LineEvent> deserializer() {
		return this;
	}

	@Override
	public void configure(Map<String, ?> configs, boolean isKey) {
	}

	@Override
	public void close() {
	}

}
