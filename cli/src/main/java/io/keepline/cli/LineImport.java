package io.keepline.cli;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import tools.jackson.databind.JsonNode;

/**
 * Streams a CSV file of line events to ingest's CSV endpoint in batches, checkpointing
 * after each acknowledged batch so that a stopped import continues where it stopped. Each
 * row gets a deterministic event id (its own {@code eventId} cell, else one derived from
 * the file's name, the row's line and its cells): a batch sent again after a hard stop
 * carries the same ids, which the scheduler drops as repeats.
 */
final class LineImport {

	static final String EVENT_ID = "eventId";

	private static final long RETRY_PAUSE_MILLIS = 1000;

	private static final int UNAVAILABLE_RETRIES = 10;

	private final Path csv;

	private final Http ingest;

	private final String endpoint;

	private final int batchRows;

	private final Progress progress;

	private final StopSignal stop;

	LineImport(Path csv, Http ingest, String ingestUrl, int batchRows, Progress progress, StopSignal stop) {
		this.csv = csv;
		this.ingest = ingest;
		this.endpoint = ingestUrl.replaceAll("/+$", "") + "/v1/line-events/csv";
		this.batchRows = batchRows;
		this.progress = progress;
		this.stop = stop;
	}

	/** Imports what the checkpoint does not have yet; returns the checkpoint. */
	Checkpoint run(boolean restart) {
		if (!Files.isRegularFile(this.csv)) {
			throw new CliException(ExitCodes.BAD_INPUT, "No such file: " + this.csv);
		}
		try (Reader reader = Files.newBufferedReader(this.csv, StandardCharsets.UTF_8);
				CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().get().parse(reader)) {
			List<String> header = parser.getHeaderNames();
			if (header.isEmpty()) {
				throw new CliException(ExitCodes.BAD_INPUT, this.csv + " has no header row");
			}
			Checkpoint checkpoint = Checkpoint.of(this.csv, Files.size(this.csv), String.join(",", header), restart);
			if (checkpoint.isComplete()) {
				return checkpoint;
			}
			this.progress.start(Files.size(this.csv), checkpoint.rows());
			List<String> columns = new ArrayList<>(header);
			int eventIdColumn = header.indexOf(EVENT_ID);
			if (eventIdColumn < 0) {
				columns.add(EVENT_ID);
			}
			Iterator<CSVRecord> records = parser.iterator();
			skip(records, checkpoint.rows());
			Batch batch = new Batch(columns);
			while (next(records, batch, eventIdColumn)) {
				if (batch.size() == this.batchRows) {
					send(batch, checkpoint);
					batch = new Batch(columns);
					if (this.stop.requested()) {
						return checkpoint;
					}
				}
			}
			if (batch.size() > 0) {
				send(batch, checkpoint);
			}
			checkpoint.complete();
			this.progress.finish();
			return checkpoint;
		}
		catch (IOException ex) {
			throw new CliException(ExitCodes.BAD_INPUT, "Cannot read " + this.csv + ": " + ex.getMessage());
		}
	}

	private void skip(Iterator<CSVRecord> records, long rows) {
		for (long i = 0; i < rows; i++) {
			if (!next(records)) {
				throw new CliException(ExitCodes.BAD_INPUT,
						this.csv + " has fewer rows than its checkpoint says were imported; use --restart");
			}
		}
	}

	private boolean next(Iterator<CSVRecord> records) {
		try {
			if (!records.hasNext()) {
				return false;
			}
			records.next();
			return true;
		}
		catch (UncheckedIOException | IllegalStateException ex) {
			throw unreadable(ex);
		}
	}

	private boolean next(Iterator<CSVRecord> records, Batch batch, int eventIdColumn) {
		CSVRecord record;
		try {
			if (!records.hasNext()) {
				return false;
			}
			record = records.next();
		}
		catch (UncheckedIOException | IllegalStateException ex) {
			throw unreadable(ex);
		}
		List<String> cells = new ArrayList<>(record.toList());
		String eventId;
		if (eventIdColumn >= 0 && eventIdColumn < cells.size() && !cells.get(eventIdColumn).isBlank()) {
			eventId = cells.get(eventIdColumn);
		}
		else {
			eventId = derivedEventId(record.getParser().getCurrentLineNumber(), cells);
			if (eventIdColumn >= 0) {
				while (cells.size() <= eventIdColumn) {
					cells.add("");
				}
				cells.set(eventIdColumn, eventId);
			}
			else {
				cells.add(eventId);
			}
		}
		batch.add(record.getParser().getCurrentLineNumber(), record.getCharacterPosition(), eventId, cells);
		return true;
	}

	private String derivedEventId(long line, List<String> cells) {
		String row = this.csv.getFileName() + "\n" + line + "\n" + String.join("\u001f", cells);
		return UUID.nameUUIDFromBytes(row.getBytes(StandardCharsets.UTF_8)).toString();
	}

	private CliException unreadable(RuntimeException ex) {
		String cause = (ex.getCause() != null) ? ex.getCause().getMessage() : ex.getMessage();
		return new CliException(ExitCodes.BAD_INPUT, "Unreadable CSV in " + this.csv + ": " + cause);
	}

	private void send(Batch batch, Checkpoint checkpoint) {
		Http.Answer answer = post(batch.body());
		if (answer.status() == 400) {
			throw answer.failure(this.csv + " refused (rows from line " + batch.firstLine() + ")");
		}
		if (!answer.ok()) {
			throw answer.failure("ingest stopped the import after row " + checkpoint.rows()
					+ "; run the same command again to continue");
		}
		JsonNode summary = answer.json();
		long rows = summary.path("rows").asLong();
		if (rows != batch.size()) {
			throw new CliException(ExitCodes.UNAVAILABLE, "ingest read " + rows + " of the " + batch.size()
					+ " rows from line " + batch.firstLine() + "; run the same command again to continue");
		}
		List<String> rejectedRows = new ArrayList<>();
		for (JsonNode error : summary.path("errors")) {
			rejectedRows.add(batch.describe(error));
		}
		long rejected = summary.path("rejected").asLong();
		if (summary.path("moreErrors").asBoolean()) {
			rejectedRows.add("(" + (rejected - summary.path("errors").size()) + " more rejected rows between lines "
					+ batch.firstLine() + " and " + batch.lastLine() + ": use a smaller --batch-rows to see each)");
		}
		checkpoint.batch(rows, summary.path("accepted").asLong(), rejectedRows, rejected);
		this.progress.update(checkpoint.rows(), batch.lastPosition());
	}

	/** Posts a batch, waiting out rate limits and brief unavailability. */
	private Http.Answer post(String body) {
		for (int attempt = 0;; attempt++) {
			Http.Answer answer = this.ingest.post(this.endpoint, "text/csv; charset=utf-8", body);
			boolean busy = answer.status() == 429 || (answer.status() == 503 && attempt < UNAVAILABLE_RETRIES);
			if (!busy || this.stop.requested()) {
				return answer;
			}
			this.stop.pause(retryAfter(answer.retryAfter()));
		}
	}

	private static Duration retryAfter(String header) {
		if (header != null && header.matches("\\d{1,3}")) {
			return Duration.ofSeconds(Math.max(1, Long.parseLong(header)));
		}
		return Duration.ofMillis(RETRY_PAUSE_MILLIS);
	}

	/**
	 * The rows of one request, as CSV with the header, and where each came from in the
	 * file: ingest names a row by its line in the request, the user by its line in the
	 * file.
	 */
	private static final class Batch {

		private final StringBuilder body = new StringBuilder();

		private final CSVPrinter printer;

		private final Map<Long, Long> fileLineByBodyLine = new HashMap<>();

		private final Map<String, Long> fileLineByEventId = new HashMap<>();

		private long bodyLines = 1;

		private long firstLine = -1;

		private long lastLine;

		private long lastPosition;

		private int size;

		Batch(List<String> columns) {
			try {
				this.printer = new CSVPrinter(this.body, CSVFormat.DEFAULT.builder().setRecordSeparator("\n").get());
				this.printer.printRecord(columns);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

		void add(long fileLine, long position, String eventId, List<String> cells) {
			int before = this.body.length();
			try {
				this.printer.printRecord(cells);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			this.bodyLines += this.body.substring(before).chars().filter((c) -> c == '\n').count();
			this.fileLineByBodyLine.put(this.bodyLines, fileLine);
			this.fileLineByEventId.put(eventId, fileLine);
			if (this.firstLine < 0) {
				this.firstLine = fileLine;
			}
			this.lastLine = fileLine;
			this.lastPosition = position;
			this.size++;
		}

		String describe(JsonNode error) {
			Long line = this.fileLineByBodyLine.get(error.path("line").asLong());
			if (line == null) {
				line = this.fileLineByEventId.get(error.path("eventId").asString(""));
			}
			List<String> reasons = new ArrayList<>();
			for (JsonNode problem : error.path("errors")) {
				reasons.add(problem.path("field").asString("row") + ": " + problem.path("reason").asString(""));
			}
			return "line " + ((line != null) ? line : "?") + ": " + String.join("; ", reasons);
		}

		String body() {
			return this.body.toString();
		}

		int size() {
			return this.size;
		}

		long firstLine() {
			return this.firstLine;
		}

		long lastLine() {
			return this.lastLine;
		}

		long lastPosition() {
			return this.lastPosition;
		}

	}

}
