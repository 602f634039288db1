package io.keepline.contracts.linekey;

import java.time.Clock;
import java.time.Instant;

import io.keepline.contracts.json.EventJson;
import io.keepline.contracts.line.LineEvent;
import tools.jackson.databind.node.ObjectNode;

/**
 * Seals the holder's contact of an event before it is written to line-events, each time
 * under a new line key: the key must be written to the key topic (acknowledged) before
 * the event. Events without a contact are written plain, with no key.
 */
public final class ContactSealer {

	private final DataKey dataKey;

	private final Clock clock;

	public ContactSealer(DataKey dataKey, Clock clock) {
		this.dataKey = dataKey;
		this.clock = clock;
	}

	/** {@code event} as line-events' value, with its new key if it carries a contact. */
	public Sealed seal(LineEvent event) {
		ObjectNode tree = (ObjectNode) EventJson.mapper().readTree(EventJson.write(event, LineEvent.class));
		if (tree.path("holder") instanceof ObjectNode holder) {
			LineKeyId id = LineKeyId.random(event.msisdn());
			LineCipher cipher = LineCipher.generate();
			Instant now = this.clock.instant();
			if (SealedContact.seal(holder, id, cipher, now)) {
				return new Sealed(EventJson.mapper().writeValueAsBytes(tree), id, this.dataKey.wrap(id, cipher, now));
			}
		}
		return new Sealed(EventJson.write(event, LineEvent.class), null, null);
	}

	/**
	 * An event ready for line-events; {@code keyId} and {@code key} null when it needs no
	 * key.
	 */
	public record Sealed(byte[] value, LineKeyId keyId, LineKey key) {

		/** Whether a key must be written before the value. */
		public boolean keyed() {
			return this.key != null;
		}

	}

}
