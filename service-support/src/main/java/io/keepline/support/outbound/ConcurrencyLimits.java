package io.keepline.support.outbound;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Calls in flight per key (a host, an operator) without waiting: a key at its limit, or
 * cooling down after a call that ran out of time, is refused at once. Keys with nothing
 * in flight are forgotten, so the map holds only busy keys and those cooling down.
 */
public final class ConcurrencyLimits {

	private final int limit;

	private final Duration coolDown;

	private final Clock clock;

	private final Map<String, Integer> inFlight = new ConcurrentHashMap<>();

	private final Map<String, Instant> coolingUntil = new ConcurrentHashMap<>();

	public ConcurrencyLimits(int limit, Duration coolDown, Clock clock) {
		this.limit = limit;
		this.coolDown = coolDown;
		this.clock = clock;
	}

	/** Takes a slot for {@code key}; false when it is at its limit or cooling down. */
	public boolean tryEnter(String key) {
		Instant until = this.coolingUntil.get(key);
		if (until != null) {
			if (this.clock.instant().isBefore(until)) {
				return false;
			}
			this.coolingUntil.remove(key, until);
		}
		boolean[] entered = { false };
		this.inFlight.compute(key, (k, count) -> {
			int current = (count != null) ? count : 0;
			entered[0] = current < this.limit;
			return entered[0] ? current + 1 : count;
		});
		return entered[0];
	}

	/** Gives back a slot taken by {@link #tryEnter}. */
	public void leave(String key) {
		this.inFlight.computeIfPresent(key, (k, count) -> (count > 1) ? count - 1 : null);
	}

	/** Refuses {@code key} for the cool-down from now. */
	public void coolDown(String key) {
		if (!this.coolDown.isZero()) {
			this.coolingUntil.put(key, this.clock.instant().plus(this.coolDown));
		}
	}

	/** Keys with calls in flight (for tests and metrics). */
	public int busyKeys() {
		return this.inFlight.size();
	}

}
