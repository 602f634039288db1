package io.keepline.ingest.ownership;

import java.time.Duration;
import java.util.Properties;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.LogAndContinueExceptionHandler;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.annotation.EnableKafkaStreams;
import org.springframework.kafka.config.KafkaStreamsInfrastructureCustomizer;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.kafka.config.StreamsBuilderFactoryBeanConfigurer;

/**
 * Runs the view of line owners through spring-kafka's {@code StreamsBuilderFactoryBean}:
 * a global-only topology (no stream threads, no consumer group), reading line-events
 * read_committed, with its RocksDB store under the configured state directory, started in
 * the background by {@link OwnershipViewStarter}.
 */
@Configuration(proxyBeanMethods = false)
@EnableKafkaStreams
@EnableConfigurationProperties(OwnershipSettings.class)
class OwnershipWiring {

	static final Duration START_TIMEOUT = Duration.ofSeconds(30);

	@Bean
	OwnershipView ownershipView(ApplicationEventPublisher events) {
		return new OwnershipView(events);
	}

	@Bean
	StreamsBuilderFactoryBeanConfigurer ownershipStreamsConfigurer(OwnershipSettings settings, OwnershipView view) {
		return (factory) -> {
			Properties properties = factory.getStreamsConfiguration();
			properties.put(StreamsConfig.APPLICATION_ID_CONFIG, settings.applicationId());
			properties.put(StreamsConfig.STATE_DIR_CONFIG, settings.stateDir().toAbsolutePath().toString());
			// ingest writes line-events in transactions: an aborted batch owns nothing
			properties.put(StreamsConfig.globalConsumerPrefix(ConsumerConfig.ISOLATION_LEVEL_CONFIG), "read_committed");
			properties.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG,
					LogAndContinueExceptionHandler.class);
			// a start that cannot reach Kafka gives up after this and is retried
			// (OwnershipViewStarter), instead of lingering for Streams' default 5 minutes
			properties.putIfAbsent(StreamsConfig.TASK_TIMEOUT_MS_CONFIG, START_TIMEOUT.toMillis());
			factory.setStreamsConfiguration(properties);
			factory.setInfrastructureCustomizer(new KafkaStreamsInfrastructureCustomizer() {

				@Override
				public void configureBuilder(StreamsBuilder builder) {
					OwnershipTopology.define(builder);
				}

			});
			factory.setKafkaStreamsCustomizer(view::attach);
			factory.setStateListener(view::onChange);
			factory.setStateRestoreListener(new CatchUpProgress());
			factory.setAutoStartup(false);
		};
	}

	@Bean
	OwnershipViewStarter ownershipViewStarter(StreamsBuilderFactoryBean factory, OwnershipView view) {
		return new OwnershipViewStarter(factory, view);
	}

}
