package io.keepline.bench;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A progress line for one long step: done/total, rate and time left, redrawn in place on
 * a terminal and printed every tenth otherwise (CI logs).
 */
public final class ProgressLine implements AutoCloseable {

	private static final long REDRAW_NANOS = Duration.ofMillis(250).toNanos();

	private final String label;

	private final long total;

	private final PrintStream out;

	private final boolean terminal;

	private final long startNanos = System.nanoTime();

	private final AtomicLong done = new AtomicLong();

	private volatile long lastDrawNanos;

	private volatile long lastTenth = -1;

	public ProgressLine(String label, long total, PrintStream out, boolean terminal) {
		this.label = label;
		this.total = Math.max(total, 1);
		this.out = out;
		this.terminal = terminal;
	}

	/** Records {@code count} more units of work done. */
	public void advance(long count) {
		long now = this.done.addAndGet(count);
		long nanos = System.nanoTime();
		if (this.terminal) {
			if (nanos - this.lastDrawNanos > REDRAW_NANOS || now >= this.total) {
				this.lastDrawNanos = nanos;
				this.out.print("\r" + line(now, nanos));
			}
		}
		else {
			long tenth = now * 10 / this.total;
			if (tenth != this.lastTenth) {
				this.lastTenth = tenth;
				this.out.println(line(now, nanos));
			}
		}
	}

	public long done() {
		return this.done.get();
	}

	private String line(long now, long nanos) {
		double seconds = Math.max((nanos - this.startNanos) / 1e9, 1e-9);
		double rate = now / seconds;
		double left = (rate > 0) ? (this.total - now) / rate : 0;
		int percent = (int) Math.min(100, now * 100 / this.total);
		int filled = percent / 5;
		return String.format(Locale.ROOT, "  %-34s [%s%s] %3d%%  %,d/%,d  %,.0f/s  %s left", this.label,
				"#".repeat(filled), ".".repeat(20 - filled), percent, now, this.total, rate, seconds(left));
	}

	private static String seconds(double seconds) {
		return (seconds >= 60) ? String.format(Locale.ROOT, "%dm%02ds", (long) seconds / 60, (long) seconds % 60)
				: String.format(Locale.ROOT, "%.0fs", seconds);
	}

	@Override
	public void close() {
		if (this.terminal) {
			this.out.println();
		}
	}

}
