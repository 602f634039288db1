package io.keepline.reliability;

import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * A condition for Awaitility's {@code during}: "nothing more arrives", once a count stops
 * changing between polls.
 */
public final class Steady {

	private Steady() {
	}

	/**
	 * True when {@code count} is what it was at the previous poll; use as
	 * {@code await().during(quiet).until(Steady.count(() -> received()))}.
	 */
	public static Callable<Boolean> count(LongSupplier count) {
		AtomicLong last = new AtomicLong(Long.MIN_VALUE);
		return () -> {
			long now = count.getAsLong();
			return last.getAndSet(now) == now;
		};
	}

}
