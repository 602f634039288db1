package io.keepline.bench.scheduler;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The system clock moved by an adjustable offset: it keeps ticking in real time, so the
 * wall-clock punctuator behaves as in production, but the benchmark can jump it to the
 * instant a million reminders fall due.
 */
final class ShiftedClock extends Clock {

	private final AtomicLong offsetMillis = new AtomicLong();

	@Override
	public ZoneId getZone() {
		return ZoneOffset.UTC;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		throw new UnsupportedOperationException("the benchmark clock is UTC");
	}

	@Override
	public long millis() {
		return System.currentTimeMillis() + this.offsetMillis.get();
	}

	@Override
	public Instant instant() {
		return Instant.ofEpochMilli(millis());
	}

	/** How far this clock is ahead of the system clock (negative: behind), in ms. */
	long offsetMillis() {
		return this.offsetMillis.get();
	}

	/**
	 * Sets how far this clock is ahead of the system clock: another process's clock set
	 * to the same offset reads the same instants.
	 */
	void offsetBy(long millis) {
		this.offsetMillis.set(millis);
	}

	/** Jumps to {@code instant}; time goes on from there. */
	void jumpTo(Instant instant) {
		this.offsetMillis.set(instant.toEpochMilli() - System.currentTimeMillis());
	}

}
