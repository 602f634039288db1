package io.keepline.contracts.linekey;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.keepline.contracts.Msisdn;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The wire form of a sealed card, inside a {@code paymentMethod} on payment-events:
 * {@code "sealed": {"keyId": …, "sealedAt": …, "card": <base64>}} in place of the card's
 * brand, last four digits and expiry, which are encrypted together as one JSON object for
 * field {@value #FIELD} of the line. The Stripe customer and payment method ids stay
 * plain: payments charges with them and deletes the Customer on erasure whether or not
 * the line's keys are already shredded, and once it is deleted they name nothing.
 */
public final class SealedCard {

	/** The field name bound into the ciphertext's associated data. */
	public static final String FIELD = "payment.card";

	/** The card's personal fields: sealed together. */
	public static final List<String> PERSONAL = List.of("brand", "last4", "expMonth", "expYear");

	private SealedCard() {
	}

	/**
	 * Replaces the card fields of {@code method} by their seal under {@code key}; false
	 * (and nothing changed) when it has none (no brand, no digits, no expiry).
	 */
	static boolean seal(ObjectNode method, LineKeyId key, LineCipher cipher, Instant sealedAt) {
		ObjectNode card = method.objectNode();
		for (String field : PERSONAL) {
			JsonNode value = method.get(field);
			if (value != null && !value.isNull() && !(value.isNumber() && value.asInt() == 0)) {
				card.set(field, value);
			}
		}
		if (card.isEmpty()) {
			return false;
		}
		PERSONAL.forEach(method::remove);
		Seals.put(method, "card", card, key, cipher, sealedAt, FIELD);
		return true;
	}

	/**
	 * Puts the card sealed in {@code method} back in plain when {@code keyring} has its
	 * key; leaves it unknown (no brand, no digits, expiry 0) when the key was shredded.
	 * @return whether the method carried a seal
	 */
	static boolean open(ObjectNode method, Msisdn msisdn, LineKeyring keyring) {
		Optional<Seals.Opened> opened = Seals.take(method, "card", msisdn, keyring, FIELD);
		if (opened.isEmpty()) {
			return false;
		}
		if (opened.get().fields() != null) {
			method.setAll(opened.get().fields());
		}
		else {
			method.put("expMonth", 0);
			method.put("expYear", 0);
		}
		return true;
	}

}
