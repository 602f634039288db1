package io.keepline.contracts.linekey;

import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import io.keepline.contracts.Msisdn;
import io.keepline.contracts.json.EventJson;
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
	public static final String PROPERTY = "sealed";

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
		byte[] plaintext = EventJson.mapper().writeValueAsBytes(contact);
		ObjectNode sealed = holder.putObject(PROPERTY);
		sealed.put("keyId", key.id());
		sealed.put("sealedAt", sealedAt.toString());
		sealed.put("contact", Base64.getEncoder().encodeToString(cipher.seal(plaintext, key.msisdn(), FIELD)));
		return true;
	}

	/**
	 * Puts the contact sealed in {@code holder} back in plain when {@code keyring} has
	 * its key; leaves the contact unknown (the seal removed) when the key was shredded.
	 * @return whether the holder carried a seal
	 */
	static boolean open(ObjectNode holder, Msisdn msisdn, LineKeyring keyring) {
		JsonNode sealed = holder.remove(PROPERTY);
		if (sealed == null) {
			return false;
		}
		LineKeyId id = new LineKeyId(msisdn, sealed.path("keyId").asString());
		Instant sealedAt = Instant.parse(sealed.path("sealedAt").asString());
		Optional<LineCipher> cipher = keyring.find(id, sealedAt);
		if (cipher.isPresent()) {
			byte[] ciphertext = Base64.getDecoder().decode(sealed.path("contact").asString());
			holder.setAll((ObjectNode) EventJson.mapper().readTree(cipher.get().open(ciphertext, msisdn, FIELD)));
		}
		return true;
	}

}
