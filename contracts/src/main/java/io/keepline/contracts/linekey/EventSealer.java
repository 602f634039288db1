package io.keepline.contracts.linekey;

import java.time.Clock;
import java.time.Instant;
import java.util.function.Function;

import io.keepline.contracts.Msisdn;
import io.keepline.contracts.json.EventJson;
import tools.jackson.databind.node.ObjectNode;

/**
 * Seals one personal field of an event before it is written to its topic, each time under
 * a new line key: the key must be written to the key topic (acknowledged) before the
 * event. An event without that field is written plain, with no key. {@link ContactSealer}
 * and {@link CardSealer} are its two uses.
 *
 * @param <E> the events of the topic
 */
final class EventSealer<E> {

	/** Seals the field's JSON node in place; false when there was nothing to seal. */
	@FunctionalInterface
	interface FieldSeal {

		boolean seal(ObjectNode field, LineKeyId key, LineCipher cipher, Instant sealedAt);

	}

	private final DataKey dataKey;

	private final Clock clock;

	private final Class<E> type;

	private final String field;

	private final FieldSeal seal;

	private final Function<E, Msisdn> msisdn;

	EventSealer(DataKey dataKey, Clock clock, Class<E> type, String field, FieldSeal seal, Function<E, Msisdn> msisdn) {
		this.dataKey = dataKey;
		this.clock = clock;
		this.type = type;
		this.field = field;
		this.seal = seal;
		this.msisdn = msisdn;
	}

	SealedEvent seal(E event) {
		ObjectNode tree = (ObjectNode) EventJson.mapper().readTree(EventJson.write(event, this.type));
		if (tree.path(this.field) instanceof ObjectNode node) {
			LineKeyId id = LineKeyId.random(this.msisdn.apply(event));
			LineCipher cipher = LineCipher.generate();
			Instant now = this.clock.instant();
			if (this.seal.seal(node, id, cipher, now)) {
				return new SealedEvent(EventJson.mapper().writeValueAsBytes(tree), id,
						this.dataKey.wrap(id, cipher, now));
			}
		}
		return new SealedEvent(EventJson.write(event, this.type), null, null);
	}

}
