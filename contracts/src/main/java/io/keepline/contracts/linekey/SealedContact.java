package io.keepline.contracts.linekey;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.keepline.contracts.Msisdn;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The wire form of a sealed contact, inside a holder on line-events: {@code "sealed":
 * {"keyId": …, "sealedAt": …, "contact": <base64>}} in place of the holder's name, email,
 * SMS number and webhook URL, which are encrypted together as one JSON object for field
 * {@value #FIELD} of the line. Locale and time zone stay plain.
 */
public final class SealedContact {

	/** The holder property that carries a sealed contact. */
	public static final String PROPERTY = Seals.PROPERTY;

	/** The field name bound into the ciphertext's associated data. */
	public static final String FIELD = "holder.contact";

	/** The holder's personal fields: sealed together. */
	public static final List<String> PERSONAL = List.of("name", "email", "sms", "webhookUrl");

	private SealedContact() {
	}

	/**
	 * Replaces the personal fields of {@code holder} by their seal under {@code key};
	 * false (and nothing changed) when it has none.
	 */
	static boolean seal(ObjectNode holder, LineKeyId key, LineCipher cipher, Instant sealedAt) {
		ObjectNode contact = holder.objectNode();
		for (String field : PERSONAL) {
			JsonNode value = holder.remove(field);
			if (value != null && !value.isNull()) {
				contact.set(field, value);
			}
		}
		if (contact.isEmpty()) {
			return false;
		}
		Seals.put(holder, "contact", contact, key, cipher, sealedAt, FIELD);
		return true;
	}

	/**
	 * Puts the contact sealed in {@code holder} back in plain when {@code keyring} has
	 * its key; leaves the contact unknown (the seal removed) when the key was shredded.
	 * @return whether the holder carried a seal
	 */
	static boolean open(ObjectNode holder, Msisdn msisdn, LineKeyring keyring) {
		Optional<Seals.Opened> opened = Seals.take(holder, "contact", msisdn, keyring, FIELD);
		if (opened.isEmpty()) {
			return false;
		}
		if (opened.get().fields() != null) {
			holder.setAll(opened.get().fields());
		}
		return true;
	}

}
