package io.keepline.ingest.imports;

import java.time.Clock;

import io.keepline.contracts.imports.ImportJob;
import io.keepline.contracts.topic.Topics;
import io.keepline.ingest.IngestSettings;
import io.keepline.ingest.lines.OperatorApiStores;
import io.keepline.ingest.lines.OperatorApiTopology;
import io.keepline.support.kafka.KafkaClients;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Wires the import jobs: their own producer on the import-jobs topic (not the
 * transactional one of line events), and the global store of ingest's Streams application
 * they are read from ({@link ImportJobsTopology}).
 */
@Configuration(proxyBeanMethods = false)
class ImportsConfiguration {

	@Bean
	KafkaTemplate<String, ImportJob> importJobsTemplate(KafkaClients clients) {
		return clients.template(Topics.IMPORT_JOBS);
	}

	@Bean
	ImportJobs importJobs(KafkaTemplate<String, ImportJob> importJobsTemplate, OperatorApiStores stores, Clock clock,
			IngestSettings settings) {
		return new ImportJobs(importJobsTemplate, stores, clock, settings.csvProgressRows());
	}

	@Bean
	OperatorApiTopology importJobsTopology() {
		return ImportJobsTopology::define;
	}

}
