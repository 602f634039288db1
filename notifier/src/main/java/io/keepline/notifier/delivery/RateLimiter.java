package io.keepline.notifier.delivery;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * A token bucket per provider: {@code perSecond} sends per second on average, bursts of
 * up to {@code burst}. A caller waits at most {@code maxWait} for a token, then the send
 * counts as a transient failure and is retried later.
 */
public final class RateLimiter {

	private final double perNano;

	private final double burst;

	private final long maxWaitNanos;

	private final String provider;

	private double tokens;

	private long refilledAt;

	public RateLimiter(String provider, double perSecond, double burst, Duration maxWait) {
		if (perSecond <= 0 || burst < 1) {
			throw new IllegalArgumentException("A rate limit needs a positive rate and a burst of at least 1");
		}
		this.provider = provider;
		this.perNano = perSecond / TimeUnit.SECONDS.toNanos(1);
		this.burst = burst;
		this.maxWaitNanos = maxWait.toNanos();
		this.tokens = burst;
		this.refilledAt = System.nanoTime();
	}

	/** Takes a token, waiting if needed; a transient failure if none comes in time. */
	public void acquire() {
		long waitNanos = reserve();
		if (waitNanos > this.maxWaitNanos) {
			release();
			throw new TransientDeliveryException("rate_limited", this.provider + " rate limit reached");
		}
		long deadline = System.nanoTime() + waitNanos;
		for (long left = waitNanos; left > 0; left = deadline - System.nanoTime()) {
			LockSupport.parkNanos(left);
		}
	}

	private synchronized long reserve() {
		long now = System.nanoTime();
		this.tokens = Math.min(this.burst, this.tokens + (now - this.refilledAt) * this.perNano);
		this.refilledAt = now;
		this.tokens -= 1;
		return (this.tokens >= 0) ? 0 : (long) (-this.tokens / this.perNano);
	}

	private synchronized void release() {
		this.tokens += 1;
	}

}
