package io.keepline.ingest.http;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

import io.keepline.contracts.auth.OperatorKeys;
import io.keepline.ingest.BatchIngestor;
import io.keepline.ingest.IngestMetrics;
import io.keepline.ingest.IngestSettings;
import io.keepline.ingest.KnownOwners;
import io.keepline.ingest.RecordingPublisher;
import io.keepline.ingest.csv.CsvImportSummary;
import io.keepline.ingest.csv.CsvImporter;
import io.keepline.ingest.csv.ImportTracker;
import io.keepline.ingest.validation.LineEventValidator;
import io.keepline.support.web.OperatorAuthentication;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * The core of ingest for web slice tests, with a recording publisher instead of Kafka,
 * line owners set by the test and a fixed clock.
 */
@TestConfiguration(proxyBeanMethods = false)
@EnableConfigurationProperties(IngestSettings.class)
@Import(JsonBatchReader.class)
class WebSliceConfiguration {

	static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");

	/** Small CSV chunks so that tests see several of them. */
	static final String CHUNK_ROWS = "keepline.ingest.csv-chunk-rows=2";

	static final String MAX_ERRORS = "keepline.ingest.csv-max-errors=2";

	static final String ORANGE_KEY = "orange-test-key-0001";

	static final String PROXIMUS_KEY = "proximus-test-key-0002";

	@Bean
	OperatorKeys operatorKeys() {
		return OperatorKeys.parse("orange=" + ORANGE_KEY + ",proximus=" + OperatorKeys.hashedForm(PROXIMUS_KEY));
	}

	@Bean
	OperatorAuthentication operatorAuthentication(OperatorKeys operatorKeys) {
		return new OperatorAuthentication(operatorKeys);
	}

	@Bean
	RecordingPublisher recordingPublisher() {
		return new RecordingPublisher();
	}

	@Bean
	KnownOwners knownOwners() {
		return new KnownOwners();
	}

	@Bean
	SimpleMeterRegistry meterRegistry() {
		return new SimpleMeterRegistry();
	}

	@Bean
	BatchIngestor batchIngestor(RecordingPublisher publisher, KnownOwners owners, SimpleMeterRegistry registry) {
		return new BatchIngestor(new LineEventValidator(owners), publisher, new IngestMetrics(registry),
				Clock.fixed(NOW, ZoneOffset.UTC));
	}

	/**
	 * Imports tracked nowhere: their status is the operator API's, tested on a broker.
	 */
	@Bean
	ImportTracker importTracker() {
		return (operator) -> new ImportTracker.Tracking() {

			private final UUID id = UUID.randomUUID();

			@Override
			public UUID id() {
				return this.id;
			}

			@Override
			public void progressed(CsvImportSummary summary) {
			}

			@Override
			public void done(CsvImportSummary summary) {
			}

			@Override
			public void failed(CsvImportSummary committed, String reason) {
			}

		};
	}

	@Bean
	CsvImporter csvImporter(BatchIngestor ingestor, IngestSettings settings) {
		return new CsvImporter(ingestor, settings);
	}

}
