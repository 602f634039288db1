package io.keepline.cli;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A request to stop a long command at its next safe point (Ctrl-C, or a test); waits
 * between retries end early when it comes.
 */
final class StopSignal {

	private final CountDownLatch stopped = new CountDownLatch(1);

	void stop() {
		this.stopped.countDown();
	}

	boolean requested() {
		return this.stopped.getCount() == 0;
	}

	/** Waits {@code duration}, or less if a stop is requested meanwhile. */
	void pause(Duration duration) {
		try {
			this.stopped.await(duration.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new CliException(ExitCodes.INTERRUPTED, "Interrupted");
		}
	}

}
