package io.keepline.contracts.linekey;

/**
 * An event ready for its topic, sealed by {@link ContactSealer} or {@link CardSealer};
 * {@code keyId} and {@code key} null when it needs no key.
 *
 * @param value the event's bytes
 * @param keyId the new line key's id
 * @param key the new line key, wrapped by the data key
 */
public record SealedEvent(byte[] value, LineKeyId keyId, LineKey key) {

	/** Whether a key must be written before the value. */
	public boolean keyed() {
		return this.key != null;
	}

}
