package io.keepline.bench;

import java.util.Arrays;

/**
 * Latency samples and their percentiles, in milliseconds.
 */
public final class Percentiles {

	private long[] nanos;

	private int count;

	public Percentiles(int expected) {
		this.nanos = new long[Math.max(expected, 16)];
	}

	public synchronized void add(long latencyNanos) {
		if (this.count == this.nanos.length) {
			this.nanos = Arrays.copyOf(this.nanos, this.count * 2);
		}
		this.nanos[this.count++] = latencyNanos;
	}

	public synchronized int count() {
		return this.count;
	}

	/** The {@code p}-th percentile (0–100) in milliseconds, nearest-rank. */
	public synchronized double millis(double p) {
		if (this.count == 0) {
			return Double.NaN;
		}
		long[] sorted = Arrays.copyOf(this.nanos, this.count);
		Arrays.sort(sorted);
		int rank = (int) Math.ceil(p / 100.0 * this.count);
		return sorted[Math.min(Math.max(rank, 1), this.count) - 1] / 1e6;
	}

	public Figure figure(String name, double p) {
		return new Figure(name, millis(p), "ms");
	}

}
