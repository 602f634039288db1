package io.keepline.cli;

import java.io.PrintWriter;
import java.time.Duration;

/**
 * An import's progress on stderr: a bar redrawn in place on a terminal (percent, rows,
 * rows/s, ETA), plain lines every few seconds otherwise (a log, a pipe, CI).
 */
final class Progress {

	private static final int WIDTH = 30;

	private static final long PLAIN_EVERY_NANOS = Duration.ofSeconds(2).toNanos();

	private final PrintWriter out;

	private final boolean terminal;

	private final long started = System.nanoTime();

	private long size;

	private long firstRows;

	private long lastPrinted;

	Progress(PrintWriter out, boolean terminal) {
		this.out = out;
		this.terminal = terminal;
	}

	/** The file's size, and the rows an earlier run imported already. */
	void start(long size, long resumedRows) {
		this.size = Math.max(size, 1);
		this.firstRows = resumedRows;
		if (resumedRows > 0) {
			this.out.printf("Continuing after row %,d (checkpoint)%n", resumedRows);
			this.out.flush();
		}
	}

	/** {@code rows} rows done in all, up to {@code position} of the file. */
	void update(long rows, long position) {
		long now = System.nanoTime();
		if (!this.terminal && now - this.lastPrinted < PLAIN_EVERY_NANOS) {
			return;
		}
		this.lastPrinted = now;
		double fraction = Math.min(1.0, (double) position / this.size);
		double seconds = Math.max((now - this.started) / 1e9, 0.001);
		long rate = Math.round((rows - this.firstRows) / seconds);
		String eta = (fraction > 0 && rate > 0) ? duration(seconds / fraction * (1 - fraction)) : "?";
		if (this.terminal) {
			int filled = (int) Math.round(fraction * WIDTH);
			this.out.printf("\r[%s%s] %3d%%  %,d rows  %,d rows/s  ETA %s   ", "#".repeat(filled),
					".".repeat(WIDTH - filled), Math.round(fraction * 100), rows, rate, eta);
		}
		else {
			this.out.printf("%d%% %,d rows, %,d rows/s, ETA %s%n", Math.round(fraction * 100), rows, rate, eta);
		}
		this.out.flush();
	}

	void finish() {
		if (this.terminal) {
			this.out.println();
			this.out.flush();
		}
	}

	private static String duration(double seconds) {
		long total = Math.round(seconds);
		return (total >= 3600) ? String.format("%d:%02d:%02d", total / 3600, total / 60 % 60, total % 60)
				: String.format("%d:%02d", total / 60, total % 60);
	}

}
