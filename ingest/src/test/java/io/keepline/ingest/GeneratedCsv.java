package io.keepline.ingest;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * A CSV body of {@code rows} ValidityExtended rows made up while it is read, never held
 * whole. Half-way it waits until {@code serverProgressed} holds: a server that buffered
 * the whole body before working would never get there, and
 * {@link #serverWorkedWhileStreaming()} stays false.
 */
final class GeneratedCsv extends InputStream {

	static final String HEADER = "type,eventId,msisdn,operator,validUntil\n";

	private final int rows;

	private final int msisdnBase;

	private final BooleanSupplier serverProgressed;

	private final AtomicBoolean workedWhileStreaming = new AtomicBoolean();

	private byte[] current = HEADER.getBytes(StandardCharsets.US_ASCII);

	private int position;

	private int row;

	GeneratedCsv(int rows, int msisdnBase, BooleanSupplier serverProgressed) {
		this.rows = rows;
		this.msisdnBase = msisdnBase;
		this.serverProgressed = serverProgressed;
	}

	/** The msisdn of a row, 0-based. */
	static String msisdn(int base, int row) {
		return String.format("+3247%07d", base + row);
	}

	boolean serverWorkedWhileStreaming() {
		return this.workedWhileStreaming.get();
	}

	@Override
	public int read() {
		byte[] one = new byte[1];
		return (read(one, 0, 1) < 0) ? -1 : (one[0] & 0xff);
	}

	@Override
	public int read(byte[] buffer, int offset, int length) {
		int total = 0;
		while (total < length) {
			if (this.position == this.current.length && !nextRow()) {
				break;
			}
			int n = Math.min(length - total, this.current.length - this.position);
			System.arraycopy(this.current, this.position, buffer, offset + total, n);
			this.position += n;
			total += n;
		}
		return (total == 0 && length > 0) ? -1 : total;
	}

	private boolean nextRow() {
		if (this.row == this.rows) {
			return false;
		}
		if (this.row == this.rows / 2) {
			awaitServerProgress();
		}
		this.current = ("ValidityExtended," + UUID.randomUUID() + "," + msisdn(this.msisdnBase, this.row)
				+ ",orange,2027-06-30\n")
			.getBytes(StandardCharsets.US_ASCII);
		this.position = 0;
		this.row++;
		return true;
	}

	private void awaitServerProgress() {
		try {
			Awaitility.await().atMost(Duration.ofSeconds(60)).until(this.serverProgressed::getAsBoolean);
			this.workedWhileStreaming.set(true);
		}
		catch (ConditionTimeoutException ex) {
			this.workedWhileStreaming.set(false);
		}
	}

}
