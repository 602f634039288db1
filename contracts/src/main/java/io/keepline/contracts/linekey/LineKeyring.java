package io.keepline.contracts.linekey;

import java.time.Instant;
import java.util.Optional;

/**
 * Where a reader of line-events finds the line keys: the key topic as a store, unwrapped
 * with the data key. Empty means the key is gone (the line was erased), and the contact
 * it sealed is unknown.
 */
@FunctionalInterface
public interface LineKeyring {

	/** A keyring without keys: every sealed contact reads as unknown. */
	LineKeyring NONE = (id, sealedAt) -> Optional.empty();

	/**
	 * The key {@code id}, which sealed a contact at {@code sealedAt}. A key written
	 * moments ago may not be visible yet: the keyring may wait a bounded time for it.
	 */
	Optional<LineCipher> find(LineKeyId id, Instant sealedAt);

}
