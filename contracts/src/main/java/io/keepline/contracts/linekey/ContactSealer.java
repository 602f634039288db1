package io.keepline.contracts.linekey;

import java.time.Clock;

import io.keepline.contracts.line.LineEvent;

/**
 * Seals the holder's contact of an event before it is written to line-events, each time
 * under a new line key: the key must be written to the key topic (acknowledged) before
 * the event. Events without a contact are written plain, with no key.
 */
public final class ContactSealer {

	private final EventSealer<LineEvent> sealer;

	public ContactSealer(DataKey dataKey, Clock clock) {
		this.sealer = new EventSealer<>(dataKey, clock, LineEvent.class, "holder", SealedContact::seal,
				LineEvent::msisdn);
	}

	/** {@code event} as line-events' value, with its new key if it carries a contact. */
	public SealedEvent seal(LineEvent event) {
		return this.sealer.seal(event);
	}

}
