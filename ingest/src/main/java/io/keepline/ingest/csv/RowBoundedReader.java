package io.keepline.ingest.csv;

import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;

/**
 * Caps how many characters may be read for one CSV row, so that an unterminated quote or
 * a giant cell cannot make the parser buffer an unbounded amount of input.
 */
final class RowBoundedReader extends FilterReader {

	private final long maxRowChars;

	private long sinceRow;

	RowBoundedReader(Reader in, long maxRowChars) {
		super(in);
		this.maxRowChars = maxRowChars;
	}

	/** Called after each row: the next row starts counting afresh. */
	void rowDone() {
		this.sinceRow = 0;
	}

	@Override
	public int read() throws IOException {
		int c = super.read();
		if (c >= 0) {
			counted(1);
		}
		return c;
	}

	@Override
	public int read(char[] buffer, int offset, int length) throws IOException {
		int n = super.read(buffer, offset, length);
		if (n > 0) {
			counted(n);
		}
		return n;
	}

	private void counted(int n) {
		this.sinceRow += n;
		if (this.sinceRow > this.maxRowChars) {
			throw new RowTooLongException(this.maxRowChars);
		}
	}

	/** A row longer than the cap. */
	static final class RowTooLongException extends RuntimeException {

		RowTooLongException(long maxRowChars) {
			super("A CSV row is longer than " + maxRowChars + " characters", null, false, false);
		}

	}

}
