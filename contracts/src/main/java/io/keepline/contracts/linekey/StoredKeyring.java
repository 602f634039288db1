package io.keepline.contracts.linekey;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;

/**
 * A keyring over a store of the key topic (a global store or table): unwraps each key
 * with the data key. A key missing for a contact sealed less than {@code wait} ago is
 * waited for (its writer wrote it first; the store may lag by a moment); a key missing
 * for an older seal is shredded, and is not waited for.
 */
public final class StoredKeyring implements LineKeyring {

	private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(20);

	private final Function<LineKeyId, LineKey> store;

	private final DataKey dataKey;

	private final Clock clock;

	private final Duration wait;

	/**
	 * @param store the wrapped key under an id, or null
	 * @param wait how long after sealing a key may still be on its way
	 */
	public StoredKeyring(Function<LineKeyId, LineKey> store, DataKey dataKey, Clock clock, Duration wait) {
		this.store = store;
		this.dataKey = dataKey;
		this.clock = clock;
		this.wait = wait;
	}

	@Override
	public Optional<LineCipher> find(LineKeyId id, Instant sealedAt) {
		LineKey key = this.store.apply(id);
		Instant giveUp = sealedAt.plus(this.wait);
		while (key == null && this.clock.instant().isBefore(giveUp)) {
			LockSupport.parkNanos(POLL_NANOS);
			key = this.store.apply(id);
		}
		return Optional.ofNullable(key).map((found) -> this.dataKey.unwrap(id, found));
	}

}
