package io.keepline.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock that stands at {@code base} until a start file appears, then runs {@code speed}
 * times faster than real time from the real instant (epoch millis) written in that file,
 * so that days of deadlines pass in seconds. JVMs sharing the file agree on the time, so
 * a service killed in a separate JVM and one in the test JVM see the same deadlines fall
 * due.
 */
public final class AcceleratedClock extends Clock {

	private final Instant base;

	private final Path startFile;

	private final long speed;

	private volatile long realStart = -1;

	public AcceleratedClock(Instant base, Path startFile, long speed) {
		this.base = base;
		this.startFile = startFile;
		this.speed = speed;
	}

	/** Starts every clock sharing {@code startFile} at {@code realStart}. */
	public static void start(Path startFile, long realStart) throws IOException {
		Path written = Files.writeString(startFile.resolveSibling(startFile.getFileName() + ".tmp"),
				Long.toString(realStart));
		Files.move(written, startFile);
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
		if (this.realStart < 0) {
			if (!Files.exists(this.startFile)) {
				return this.base;
			}
			try {
				this.realStart = Long.parseLong(Files.readString(this.startFile).trim());
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return this.base.plusMillis(Math.max(0, System.currentTimeMillis() - this.realStart) * this.speed);
	}

}
