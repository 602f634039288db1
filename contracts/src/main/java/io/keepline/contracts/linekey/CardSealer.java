package io.keepline.contracts.linekey;

import java.time.Clock;
import java.time.Instant;

import io.keepline.contracts.json.EventJson;
import io.keepline.contracts.payment.PaymentEvent;
import tools.jackson.databind.node.ObjectNode;

/**
 * Seals the card of a payment event (brand, last four digits, expiry of a
 * {@code PaymentMethodSaved}) before payments writes it to payment-events, each time
 * under a new line key: the key must be written to the key topic (acknowledged) before
 * the event. Events without a card are written plain, with no key.
 */
public final class CardSealer {

	private final DataKey dataKey;

	private final Clock clock;

	public CardSealer(DataKey dataKey, Clock clock) {
		this.dataKey = dataKey;
		this.clock = clock;
	}

	/** {@code event} as payment-events' value, with its new key if it carries a card. */
	public Sealed seal(PaymentEvent event) {
		ObjectNode tree = (ObjectNode) EventJson.mapper().readTree(EventJson.write(event, PaymentEvent.class));
		if (tree.path("paymentMethod") instanceof ObjectNode method) {
			LineKeyId id = LineKeyId.random(event.msisdn());
			LineCipher cipher = LineCipher.generate();
			Instant now = this.clock.instant();
			if (SealedCard.seal(method, id, cipher, now)) {
				return new Sealed(EventJson.mapper().writeValueAsBytes(tree), id, this.dataKey.wrap(id, cipher, now));
			}
		}
		return new Sealed(EventJson.write(event, PaymentEvent.class), null, null);
	}

	/**
	 * An event ready for payment-events; {@code keyId} and {@code key} null when it needs
	 * no key.
	 */
	public record Sealed(byte[] value, LineKeyId keyId, LineKey key) {

		/** Whether a key must be written before the value. */
		public boolean keyed() {
			return this.key != null;
		}

	}

}
