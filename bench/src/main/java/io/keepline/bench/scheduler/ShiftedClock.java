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

	/** Jumps to {@code instant}; time goes on from there. */
	void jumpTo(Instant instant) {
		this.offsetMillis.set(instant.toEpochMilli() - System.currentTimeMillis());
	}

}
