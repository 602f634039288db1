package io.keepline.ingest.ownership;

import java.time.Duration;
import java.util.Properties;

import io.keepline.support.streams.StreamsHealthDetails;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.LogAndContinueExceptionHandler;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.annotation.EnableKafkaStreams;
import org.springframework.kafka.config.KafkaStreamsInfrastructureCustomizer;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.kafka.config.StreamsBuilderFactoryBeanConfigurer;

/**
 * Runs the view of line owners as ingest's Streams application (identity in
 * {@code spring.kafka.streams.*}): a global-only topology reading line-events
 * read_committed, started in the background by {@link OwnershipViewStarter}, its health
 * the {@code streams} indicator with how many lines it holds.
 */
@Configuration(proxyBeanMethods = false)
@EnableKafkaStreams
class OwnershipConfiguration {

	static final Duration START_TIMEOUT = Duration.ofSeconds(30);

	@Bean
	OwnershipView ownershipView(ApplicationEventPublisher events) {
		return new OwnershipView(events);
	}

	@Bean
	StreamsBuilderFactoryBeanConfigurer ownershipStreamsConfigurer(OwnershipView view) {
		return (factory) -> {
			Properties properties = factory.getStreamsConfiguration();
			// ingest writes line-events in transactions: an aborted batch owns nothing
			properties.put(StreamsConfig.globalConsumerPrefix(ConsumerConfig.ISOLATION_LEVEL_CONFIG), "read_committed");
			// every instance reads all of line-events: an unreadable event is skipped
			// (the
			// scheduler dead-letters it) rather than stopping the view or being
			// dead-lettered once per instance
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

	/**
	 * The {@code streams} health says how many lines have an owner once the view runs,
	 * and why ingest refuses events while it catches up (OUT_OF_SERVICE, out of
	 * readiness).
	 */
	@Bean
	StreamsHealthDetails ownershipHealthDetails(OwnershipView view) {
		return (health) -> {
			KafkaStreams.State state = view.state();
			if (state == KafkaStreams.State.RUNNING) {
				health.withDetail("lines", view.lines());
			}
			else if (state == null || state == KafkaStreams.State.CREATED || state == KafkaStreams.State.REBALANCING) {
				health.withDetail("reason", "catching up with line-events; events are refused until then");
			}
		};
	}

}
