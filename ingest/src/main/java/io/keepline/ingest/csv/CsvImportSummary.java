package io.keepline.ingest.csv;

import java.util.List;

import io.keepline.contracts.FieldError;

/**
 * The outcome of a CSV import: rows read, accepted and rejected, and the first row errors
 * with their line numbers ({@code moreErrors} when some were left out).
 */
public record CsvImportSummary(long rows, long accepted, long rejected, List<RowError> errors, boolean moreErrors) {

	public CsvImportSummary {
		errors = List.copyOf(errors);
	}

	/** The problems of one rejected row; {@code line} is the row's last line. */
	public record RowError(long line, String eventId, List<FieldError> errors) {

	}

}
