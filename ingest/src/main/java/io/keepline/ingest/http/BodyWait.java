package io.keepline.ingest.http;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;

/**
 * Passes a request body through, counting only the time spent waiting for the client, and
 * fails with {@link IngestProblem.TooSlow} once that exceeds {@code perMebibyte} for each
 * MiB begun: a client that trickles its body cannot hold a request thread for long. A
 * client that sends nothing at all is cut by the connector's read timeout.
 */
final class BodyWait extends FilterInputStream {

	private static final long MEBIBYTE = 1024 * 1024;

	private final long allowanceNanos;

	private long waitedNanos;

	private long count;

	BodyWait(InputStream in, Duration perMebibyte) {
		super(in);
		this.allowanceNanos = perMebibyte.toNanos();
	}

	@Override
	public int read() throws IOException {
		long start = System.nanoTime();
		int b = super.read();
		waited(start, (b >= 0) ? 1 : 0);
		return b;
	}

	@Override
	public int read(byte[] buffer, int offset, int length) throws IOException {
		long start = System.nanoTime();
		int n = super.read(buffer, offset, length);
		waited(start, Math.max(n, 0));
		return n;
	}

	private void waited(long start, int bytes) {
		this.waitedNanos += System.nanoTime() - start;
		this.count += bytes;
		long allowance = this.allowanceNanos * (1 + this.count / MEBIBYTE);
		if (this.waitedNanos > allowance) {
			throw new IngestProblem.TooSlow("The body arrived too slowly: at most "
					+ Duration.ofNanos(this.allowanceNanos).toSeconds() + " s per MiB");
		}
	}

}
