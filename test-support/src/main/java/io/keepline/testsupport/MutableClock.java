package io.keepline.testsupport;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock tests move by hand. */
public final class MutableClock extends Clock {

	private volatile Instant now;

	public MutableClock(Instant now) {
		this.now = now;
	}

	private volatile Duration perRead = Duration.ZERO;

	public synchronized void set(Instant instant) {
		this.now = instant;
	}

	/** Moves the clock on by {@code by}. */
	public synchronized void advance(Duration by) {
		this.now = this.now.plus(by);
	}

	/** Makes every read move the clock on by {@code step}, as if work took time. */
	public void advanceOnEveryRead(Duration step) {
		this.perRead = step;
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
	public synchronized Instant instant() {
		Instant read = this.now;
		this.now = read.plus(this.perRead);
		return read;
	}

}
