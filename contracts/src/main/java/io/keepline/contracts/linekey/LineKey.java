package io.keepline.contracts.linekey;

import java.time.Instant;
import java.util.Arrays;

import io.keepline.contracts.InvalidValueException;

/**
 * The value of {@code keepline.line-keys.v1}: one line key, as a Tink keyset encrypted
 * with the deployment's {@link DataKey} (so the topic never holds a usable key), and when
 * it was made. A tombstone once the line is erased.
 */
public record LineKey(byte[] wrapped, Instant createdAt) {

	public LineKey {
		InvalidValueException.require(wrapped, "wrapped");
		InvalidValueException.require(createdAt, "createdAt");
		wrapped = wrapped.clone();
	}

	@Override
	public byte[] wrapped() {
		return this.wrapped.clone();
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof LineKey key && Arrays.equals(this.wrapped, key.wrapped)
				&& this.createdAt.equals(key.createdAt);
	}

	@Override
	public int hashCode() {
		return 31 * Arrays.hashCode(this.wrapped) + this.createdAt.hashCode();
	}

	@Override
	public String toString() {
		return "LineKey[createdAt=" + this.createdAt + "]";
	}

}
