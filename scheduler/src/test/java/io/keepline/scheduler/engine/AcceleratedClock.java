package io.keepline.scheduler.engine;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock that shows {@code base} at the real instant {@code realStart} and then runs
 * {@code speed} times faster than real time, so that days of deadlines pass in seconds.
 * Two JVMs given the same arguments agree on the time.
 */
final class AcceleratedClock extends Clock {

	private final Instant base;

	private final long realStart;

	private final long speed;

	AcceleratedClock(Instant base, long realStart, long speed) {
		this.base = base;
		this.realStart = realStart;
		this.speed = speed;
	}

	@Override
	public ZoneId getZone() {
		return ZoneOffset.UTC;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		return this;
	}

	@Override
	public Instant instant() {
		return this.base.plusMillis((System.currentTimeMillis() - this.realStart) * this.speed);
	}

}
