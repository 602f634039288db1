package io.keepline.ingest;

import java.nio.file.Path;
import java.time.Clock;

import io.keepline.contracts.auth.OperatorKeys;
import io.keepline.contracts.topic.Topics;
import io.keepline.ingest.ownership.OwnershipView;
import io.keepline.ingest.validation.LineEventValidator;
import io.keepline.ingest.validation.LineOwners;
import io.keepline.support.plans.Plans;
import io.keepline.support.startup.StartupFacts;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Wires the transport-independent core of ingest: validator, metrics and the batch
 * ingestor, and what ingest says about itself once it is ready.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(IngestSettings.class)
class IngestConfiguration {

	@Bean
	LineEventValidator lineEventValidator(LineOwners owners, Plans plans) {
		return new LineEventValidator(owners, plans);
	}

	@Bean
	IngestMetrics ingestMetrics(MeterRegistry registry) {
		return new IngestMetrics(registry);
	}

	@Bean
	BatchIngestor batchIngestor(LineEventValidator validator, EventPublisher publisher, IngestMetrics metrics,
			Clock clock) {
		return new BatchIngestor(validator, publisher, metrics, clock);
	}

	/**
	 * Where ingest listens, for which operators, whether the Kafka-native path runs, and
	 * whether line owners are known yet (events are refused until they are).
	 */
	@Bean
	StartupFacts ingestFacts(IngestSettings settings, OperatorKeys keys, OwnershipView owners,
			Environment environment) {
		return (facts) -> {
			facts.put("accepts", "POST /v1/line-events, /v1/line-events/csv");
			facts.put("operators", keys.operators());
			facts.put("Kafka-native path", settings.raw().enabled() ? "consuming " + Topics.OPERATOR_EVENTS_RAW_PREFIX
					+ "<operator>.v1 of those operators as " + settings.raw().groupId() : "off");
			facts.put("line owners",
					owners.ready() ? "ready" : "catching up with " + Topics.LINE_EVENTS.name() + " into "
							+ Path.of(environment.getProperty("spring.kafka.streams.state-dir", ".")).toAbsolutePath()
							+ ", events refused (503) until then");
		};
	}

}
