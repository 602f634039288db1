package io.keepline.ingest.csv;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import io.keepline.contracts.OperatorId;
import io.keepline.contracts.rejected.IngestSource;
import io.keepline.ingest.BatchIngestor;
import io.keepline.ingest.IngestItem;
import io.keepline.ingest.IngestResult;
import io.keepline.ingest.IngestSettings;
import io.keepline.ingest.BatchNotPublishedException;
import io.keepline.ingest.validation.OwnersUnavailableException;
import io.keepline.ingest.validation.Validation;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Streams a CSV import through the batch ingestor in chunks, so that memory stays bounded
 * whatever the input size: each chunk is validated and committed to Kafka before the next
 * is read.
 */
public final class CsvImporter {

	/** Characters one row may take, quoted line breaks included. */
	static final long MAX_ROW_CHARS = 256 * 1024;

	private static final Logger log = LoggerFactory.getLogger(CsvImporter.class);

	private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder()
		.setHeader()
		.setSkipHeaderRecord(true)
		.setIgnoreEmptyLines(true)
		.setTrim(true)
		.get();

	private final BatchIngestor ingestor;

	private final IngestSettings settings;

	public CsvImporter(BatchIngestor ingestor, IngestSettings settings) {
		this.ingestor = ingestor;
		this.settings = settings;
	}

	/**
	 * Imports every row of {@code input} for {@code operator}.
	 * @throws CsvImportFailed when the input is not usable CSV or Kafka is unavailable;
	 * rows committed before stay accepted
	 */
	public CsvImportSummary importCsv(OperatorId operator, Reader input) {
		return importCsv(operator, input, (summary) -> {
		});
	}

	/**
	 * Imports every row of {@code input} for {@code operator}, telling {@code progress}
	 * the counts after each committed chunk.
	 * @throws CsvImportFailed when the input is not usable CSV or Kafka is unavailable;
	 * rows committed before stay accepted
	 */
	public CsvImportSummary importCsv(OperatorId operator, Reader input, Consumer<CsvImportSummary> progress) {
		RowBoundedReader reader = new RowBoundedReader(input, MAX_ROW_CHARS);
		CsvProgress counts = new CsvProgress(operator, this.settings.csvMaxErrors(), this.settings.csvProgressRows());
		try (CSVParser parser = FORMAT.parse(reader)) {
			CsvColumns columns = CsvColumns.of(parser.getHeaderNames());
			List<IngestItem> chunk = new ArrayList<>(this.settings.csvChunkRows());
			List<Long> lines = new ArrayList<>(this.settings.csvChunkRows());
			for (CSVRecord record : parser) {
				reader.rowDone();
				long line = parser.getCurrentLineNumber();
				List<String> cells = record.toList();
				chunk.add(IngestItem.of(operator, "line " + line, columns.toJson(cells),
						CSVFormat.DEFAULT.format(cells.toArray())));
				lines.add(line);
				if (chunk.size() == this.settings.csvChunkRows()) {
					publish(chunk, lines, counts);
					progress.accept(counts.summary());
				}
			}
			publish(chunk, lines, counts);
		}
		catch (RowBoundedReader.RowTooLongException | UncheckedIOException | IOException | IllegalArgumentException
				| IllegalStateException ex) {
			throw new CsvImportFailed.BadCsv(
					"Unreadable CSV after line " + counts.lastCommittedLine() + ": " + problem(ex), counts.summary(),
					counts.lastCommittedLine(), ex);
		}
		log.info("CSV import for {} done: {}", operator, counts);
		return counts.summary();
	}

	private static String problem(Exception ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof CharacterCodingException) {
				return "the body is not valid text in its charset (UTF-8 unless the Content-Type names another)";
			}
		}
		return ex.getMessage();
	}

	private void publish(List<IngestItem> chunk, List<Long> lines, CsvProgress progress) {
		if (chunk.isEmpty()) {
			return;
		}
		IngestResult result;
		try {
			result = this.ingestor.ingest(IngestSource.CSV, chunk);
		}
		catch (BatchNotPublishedException ex) {
			log.warn("CSV import stopped after line {}: Kafka unavailable ({})", progress.lastCommittedLine(),
					ex.getMessage());
			throw new CsvImportFailed.Unavailable(
					"Kafka is unavailable; rows after line " + progress.lastCommittedLine() + " were not taken",
					progress.summary(), progress.lastCommittedLine(), ex);
		}
		catch (OwnersUnavailableException ex) {
			throw new CsvImportFailed.Unavailable("Ingest is still reading line owners from Kafka; rows after line "
					+ progress.lastCommittedLine() + " were not taken", progress.summary(),
					progress.lastCommittedLine(), ex);
		}
		List<Validation> verdicts = result.verdicts();
		for (int i = 0; i < verdicts.size(); i++) {
			progress.row(lines.get(i), verdicts.get(i));
		}
		progress.committed(lines.get(lines.size() - 1));
		chunk.clear();
		lines.clear();
	}

}
