package io.keepline.ingest.http;

import io.keepline.ingest.BatchIngestor;
import io.keepline.ingest.IngestSettings;
import io.keepline.ingest.csv.CsvImporter;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The CSV import behind {@code POST /v1/line-events/csv}, chunked through the batch
 * ingestor (the {@code csv} package itself stays plain Java).
 */
@Configuration(proxyBeanMethods = false)
class CsvImportConfiguration {

	@Bean
	CsvImporter csvImporter(BatchIngestor ingestor, IngestSettings settings) {
		return new CsvImporter(ingestor, settings);
	}

}
