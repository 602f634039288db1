package io.keepline.ingest;

import java.time.Clock;

import io.keepline.contracts.auth.OperatorKeys;
import io.keepline.ingest.csv.CsvImporter;
import io.keepline.ingest.validation.LineEventValidator;
import io.keepline.ingest.validation.LineOwners;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires the transport-independent core of ingest: clock, operator keys, validator and the
 * batch ingestor.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ IngestSettings.class, OperatorSettings.class })
class IngestConfiguration {

	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

	@Bean
	OperatorKeys operatorKeys(OperatorSettings settings) {
		return OperatorKeys.parse(settings.keys());
	}

	@Bean
	LineEventValidator lineEventValidator(LineOwners owners) {
		return new LineEventValidator(owners);
	}

	@Bean
	IngestMetrics ingestMetrics(MeterRegistry registry) {
		return new IngestMetrics(registry);
	}

	@Bean
	CsvImporter csvImporter(BatchIngestor ingestor, IngestSettings settings) {
		return new CsvImporter(ingestor, settings);
	}

	@Bean
	BatchIngestor batchIngestor(LineEventValidator validator, EventPublisher publisher, IngestMetrics metrics,
			Clock clock) {
		return new BatchIngestor(validator, publisher, metrics, clock);
	}

}
