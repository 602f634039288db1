package io.keepline.bench;

import java.time.Duration;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;

/**
 * Polling with a deadline for the harness's waits (a benchmark has no Awaitility): either
 * until a condition holds, or until a count reaches its target while it keeps moving.
 */
public final class Waits {

	private static final long POLL_NANOS = Duration.ofMillis(20).toNanos();

	private Waits() {
	}

	/** Waits until {@code condition} holds, at most {@code timeout}. */
	public static void until(String what, Duration timeout, BooleanSupplier condition) throws TimeoutException {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (!condition.getAsBoolean()) {
			if (System.nanoTime() > deadline) {
				throw new TimeoutException("Gave up after " + timeout.toSeconds() + " s waiting for " + what);
			}
			pause();
		}
	}

	/**
	 * Waits until {@code count} reaches {@code target}, telling {@code progress} as it
	 * moves; gives up when it has not moved for {@code stall}. Returns the nano time at
	 * which the target was seen.
	 */
	public static long count(String what, long target, Duration stall, LongSupplier count, ProgressLine progress)
			throws TimeoutException {
		long seen = 0;
		long lastMove = System.nanoTime();
		while (true) {
			long now = count.getAsLong();
			long nanos = System.nanoTime();
			if (now != seen) {
				progress.advance(now - seen);
				seen = now;
				lastMove = nanos;
			}
			if (now >= target) {
				return nanos;
			}
			if (nanos - lastMove > stall.toNanos()) {
				throw new TimeoutException(
						what + ": " + now + " of " + target + ", nothing more for " + stall.toSeconds() + " s");
			}
			pause();
		}
	}

	public static void pause() {
		LockSupport.parkNanos(POLL_NANOS);
	}

}
