package io.keepline.ingest.csv;

/**
 * A CSV import that stopped before the end of its input. Rows before the failure that
 * were already committed stay accepted; {@code summary} says how many, so an operator can
 * resume after {@code lastCommittedLine}.
 */
public abstract sealed class CsvImportFailed extends RuntimeException {

	private final transient CsvImportSummary summary;

	private final long lastCommittedLine;

	CsvImportFailed(String message, CsvImportSummary summary, long lastCommittedLine, Throwable cause) {
		super(message, cause);
		this.summary = summary;
		this.lastCommittedLine = lastCommittedLine;
	}

	/** What was committed before the failure, or null when nothing was read. */
	public CsvImportSummary summary() {
		return this.summary;
	}

	public long lastCommittedLine() {
		return this.lastCommittedLine;
	}

	/** The input is not CSV of the wire format (header, quoting, row size). */
	public static final class BadCsv extends CsvImportFailed {

		BadCsv(String message, long line) {
			this(message, null, line, null);
		}

		BadCsv(String message, CsvImportSummary summary, long lastCommittedLine, Throwable cause) {
			super(message, summary, lastCommittedLine, cause);
		}

	}

	/**
	 * Kafka could not take a chunk: that chunk and the rest of the input were not taken.
	 */
	public static final class Unavailable extends CsvImportFailed {

		Unavailable(String message, CsvImportSummary summary, long lastCommittedLine, Throwable cause) {
			super(message, summary, lastCommittedLine, cause);
		}

	}

}
