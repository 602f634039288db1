package io.keepline.contracts.linekey;

import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

import io.keepline.contracts.Msisdn;
import io.keepline.contracts.json.EventJson;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The seal both {@link SealedContact} and {@link SealedCard} put in an event's JSON:
 * {@code "sealed": {"keyId": …, "sealedAt": …, "<name>": <base64>}}, the personal fields
 * encrypted together as one JSON object under the line key, bound to the line and the
 * field.
 */
final class Seals {

	/** The property that carries a seal. */
	static final String PROPERTY = "sealed";

	private Seals() {
	}

	/**
	 * Puts {@code fields} sealed under {@code key} into {@code parent}, as {@code name}
	 * of its seal.
	 */
	static void put(ObjectNode parent, String name, ObjectNode fields, LineKeyId key, LineCipher cipher,
			Instant sealedAt, String field) {
		byte[] plaintext = EventJson.mapper().writeValueAsBytes(fields);
		ObjectNode sealed = parent.putObject(PROPERTY);
		sealed.put("keyId", key.id());
		sealed.put("sealedAt", sealedAt.toString());
		sealed.put(name, Base64.getEncoder().encodeToString(cipher.seal(plaintext, key.msisdn(), field)));
	}

	/**
	 * Takes the seal out of {@code parent}: empty when it carried none; else the fields
	 * in plain, or null when the key is no longer in {@code keyring} (shredded).
	 */
	static Optional<Opened> take(ObjectNode parent, String name, Msisdn msisdn, LineKeyring keyring, String field) {
		JsonNode sealed = parent.remove(PROPERTY);
		if (sealed == null) {
			return Optional.empty();
		}
		LineKeyId id = new LineKeyId(msisdn, sealed.path("keyId").asString());
		Instant sealedAt = Instant.parse(sealed.path("sealedAt").asString());
		Optional<LineCipher> cipher = keyring.find(id, sealedAt);
		if (cipher.isEmpty()) {
			return Optional.of(new Opened(null));
		}
		byte[] ciphertext = Base64.getDecoder().decode(sealed.path(name).asString());
		return Optional
			.of(new Opened((ObjectNode) EventJson.mapper().readTree(cipher.get().open(ciphertext, msisdn, field))));
	}

	/**
	 * A seal taken out of an event.
	 *
	 * @param fields the personal fields in plain; null when the key was shredded
	 */
	record Opened(ObjectNode fields) {

	}

}
