package io.keepline.ingest.csv;

import java.util.ArrayList;
import java.util.List;

import io.keepline.contracts.OperatorId;
import io.keepline.ingest.validation.Validation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Running counts of one CSV import, the first row errors, and a progress log line every
 * {@code logEvery} rows.
 */
final class CsvProgress {

	private static final Logger log = LoggerFactory.getLogger(CsvImporter.class);

	private final OperatorId operator;

	private final int maxErrors;

	private final int logEvery;

	private final List<CsvImportSummary.RowError> errors = new ArrayList<>();

	private long rows;

	private long accepted;

	private long rejected;

	private long lastCommittedLine = 1;

	CsvProgress(OperatorId operator, int maxErrors, int logEvery) {
		this.operator = operator;
		this.maxErrors = maxErrors;
		this.logEvery = logEvery;
	}

	void row(long line, Validation verdict) {
		this.rows++;
		if (verdict.isAccepted()) {
			this.accepted++;
		}
		else {
			this.rejected++;
			if (this.errors.size() < this.maxErrors) {
				this.errors.add(new CsvImportSummary.RowError(line, verdict.eventId(), verdict.errors()));
			}
		}
		if (this.rows % this.logEvery == 0) {
			log.info("CSV import for {} in progress: {}", this.operator, this);
		}
	}

	void committed(long line) {
		this.lastCommittedLine = line;
	}

	long lastCommittedLine() {
		return this.lastCommittedLine;
	}

	CsvImportSummary summary() {
		return new CsvImportSummary(this.rows, this.accepted, this.rejected, this.errors,
				this.rejected > this.errors.size());
	}

	@Override
	public String toString() {
		return this.rows + " rows, " + this.accepted + " accepted, " + this.rejected + " rejected";
	}

}
