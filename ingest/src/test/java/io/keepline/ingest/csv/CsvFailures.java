package io.keepline.ingest.csv;

import java.util.List;

/**
 * One failed CSV import of every kind, for the tests of code that tells them apart.
 */
public final class CsvFailures {

	private CsvFailures() {
	}

	public static List<CsvImportFailed> everyKind() {
		return List.of(new CsvImportFailed.BadCsv("bad header", 0),
				new CsvImportFailed.Unavailable("Kafka is away", null, 0, null));
	}

}
