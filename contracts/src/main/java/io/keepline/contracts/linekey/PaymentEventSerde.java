package io.keepline.contracts.linekey;

import java.util.Map;

import io.keepline.contracts.Msisdn;
import io.keepline.contracts.json.EventJson;
import io.keepline.contracts.json.MalformedEventException;
import io.keepline.contracts.payment.PaymentEvent;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The serde of payment-events: writes events as plain JSON (payments seals with
 * {@link CardSealer}), and reads plain and sealed ones alike, opening a sealed card with
 * its {@link LineKeyring}. With {@link LineKeyring#NONE} (the catalogue's serde) a sealed
 * card reads as unknown (no brand, no digits, expiry 0): a reader that does not need the
 * card never sees it; the Stripe ids are always there.
 */
public final class PaymentEventSerde
		implements Serde<PaymentEvent>, Serializer<PaymentEvent>, Deserializer<PaymentEvent> {

	private final LineKeyring keyring;

	public PaymentEventSerde(LineKeyring keyring) {
		this.keyring = keyring;
	}

	@Override
	public byte[] serialize(String topic, PaymentEvent data) {
		return (data != null) ? EventJson.write(data, PaymentEvent.class) : null;
	}

	@Override
	public PaymentEvent deserialize(String topic, byte[] data) {
		if (data == null) {
			return null;
		}
		try {
			return SealMark.in(data) ? opened(data) : EventJson.read(data, PaymentEvent.class);
		}
		catch (MalformedEventException ex) {
			throw new SerializationException("Unreadable PaymentEvent on " + topic + ": " + ex.getMessage(), ex);
		}
	}

	private PaymentEvent opened(byte[] data) {
		JsonNode tree;
		try {
			tree = EventJson.mapper().readTree(data);
		}
		catch (JacksonException ex) {
			throw EventJson.malformed(ex);
		}
		if (tree.path("paymentMethod") instanceof ObjectNode method && method.has(Seals.PROPERTY)) {
			try {
				SealedCard.open(method, Msisdn.of(tree.path("msisdn").asString()), this.keyring);
			}
			catch (RuntimeException ex) {
				throw new SerializationException("Unreadable sealed card on payment-events: " + ex.getMessage(), ex);
			}
		}
		return EventJson.read(tree, PaymentEvent.class);
	}

	@Override
	public Serializer<PaymentEvent> serializer() {
		return this;
	}

	@Override
	public Deserializer<PaymentEvent> deserializer() {
		return this;
	}

	@Override
	public void configure(Map<String, ?> configs, boolean isKey) {
	}

	@Override
	public void close() {
	}

}
