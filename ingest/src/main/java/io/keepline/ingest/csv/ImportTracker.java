package io.keepline.ingest.csv;

import java.util.UUID;

import io.keepline.contracts.OperatorId;

/**
 * Keeps the status of CSV imports where an operator can ask for it, under an id given
 * when the import starts.
 */
public interface ImportTracker {

	/** Starts tracking a new import of {@code operator}. */
	Tracking start(OperatorId operator);

	/** The status of one running import. */
	interface Tracking {

		UUID id();

		/** The counts after a committed chunk. */
		void progressed(CsvImportSummary summary);

		/** The import read every row. */
		void done(CsvImportSummary summary);

		/**
		 * The import stopped; {@code committed} is what it committed, null if unknown.
		 */
		void failed(CsvImportSummary committed, String reason);

	}

}
