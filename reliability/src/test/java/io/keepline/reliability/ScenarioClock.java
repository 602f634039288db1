package io.keepline.reliability;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The clock of a scenario whose services share one JVM: it stands still, or runs
 * {@code speed} times faster than real time from an instant the scenario sets, and the
 * scenario may change both at any time (jump to the next day that matters, run slowly
 * through an outage, fast through the days in between). Every service given it through
 * {@link ClockOverride} sees the same time.
 */
public final class ScenarioClock extends Clock {

	private Instant from;

	private long realFrom;

	private double speed;

	/** A clock standing at {@code at}. */
	public ScenarioClock(Instant at) {
		this.from = at;
		this.realFrom = System.nanoTime();
		this.speed = 0;
	}

	/**
	 * From now on the clock shows {@code at}, then runs {@code speed} times faster than
	 * real time (0: it stands). It never goes back: an earlier {@code at} is refused.
	 */
	public synchronized void runFrom(Instant at, double speed) {
		if (at.isBefore(instant())) {
			throw new IllegalArgumentException("the clock would go back from " + instant() + " to " + at);
		}
		this.from = at;
		this.realFrom = System.nanoTime();
		this.speed = speed;
	}

	/** Runs on from where the clock stands, {@code speed} times faster than real time. */
	public synchronized void run(double speed) {
		this.from = instant();
		this.realFrom = System.nanoTime();
		this.speed = speed;
	}

	/** The real time the clock takes to go from now to {@code at} at its speed. */
	public synchronized Duration realTimeUntil(Instant at) {
		Duration left = Duration.between(instant(), at);
		if (left.isNegative() || this.speed == 0) {
			return left.isNegative() ? Duration.ZERO : Duration.ofDays(365);
		}
		return Duration.ofNanos((long) (left.toNanos() / this.speed));
	}

	@Override
	public synchronized Instant instant() {
		return this.from.plusNanos((long) ((System.nanoTime() - this.realFrom) * this.speed));
	}

	@Override
	public ZoneId getZone() {
		return ZoneOffset.UTC;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		return this;
	}

}
