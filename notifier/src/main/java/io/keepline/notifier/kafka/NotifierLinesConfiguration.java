package io.keepline.notifier.kafka;

import java.time.Clock;
import java.util.Properties;

import io.keepline.contracts.topic.Topics;
import io.keepline.notifier.NotifierSettings;
import io.keepline.support.kafka.KafkaClients;
import io.keepline.support.streams.StreamsHealthDetails;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.LogAndContinueExceptionHandler;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.annotation.EnableKafkaStreams;
import org.springframework.kafka.config.KafkaStreamsInfrastructureCustomizer;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.kafka.config.StreamsBuilderFactoryBeanConfigurer;
import org.springframework.kafka.streams.KafkaStreamsInteractiveQueryService;

/**
 * The notifier's Streams application (identity in {@code spring.kafka.streams.*}): a
 * global store of the line records, read read_committed, which the notifier consults at
 * every send. Kafka Streams starts only once the store has caught up, before the
 * listeners of deadline events start; its health is the {@code streams} indicator, part
 * of readiness.
 */
@Configuration(proxyBeanMethods = false)
@EnableKafkaStreams
class NotifierLinesConfiguration {

	@Bean
	RecentErasures recentErasures(NotifierSettings settings, Clock clock) {
		// an event older than maxEventAge is not sent: no need to know of older erasures
		return new RecentErasures(settings.maxEventAge(), clock);
	}

	@Bean
	StreamsBuilderFactoryBeanConfigurer notifierLinesConfigurer(RecentErasures erasures) {
		return (factory) -> {
			Properties properties = factory.getStreamsConfiguration();
			// the scheduler writes line records in transactions: an aborted one never
			// counts
			properties.put(StreamsConfig.globalConsumerPrefix(ConsumerConfig.ISOLATION_LEVEL_CONFIG), "read_committed");
			// every instance reads every record: one the notifier cannot read is skipped
			// (the
			// line keeps its last readable record) rather than dead-lettered once per
			// instance
			properties.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG,
					LogAndContinueExceptionHandler.class);
			factory.setStreamsConfiguration(properties);
			factory.setInfrastructureCustomizer(new KafkaStreamsInfrastructureCustomizer() {

				@Override
				public void configureBuilder(StreamsBuilder builder) {
					NotifierLinesTopology.define(builder, erasures);
				}

			});
		};
	}

	@Bean
	NotifierLines lineLookup(KafkaStreamsInteractiveQueryService queries, RecentErasures erasures) {
		return new NotifierLines(queries, erasures);
	}

	@Bean
	KafkaHolders holders(KafkaStreamsInteractiveQueryService queries, KafkaClients clients) {
		return new KafkaHolders(queries, clients.template(Topics.HOLDER_CHOICES));
	}

	/** The {@code streams} health says how many lines the table holds once it runs. */
	@Bean
	StreamsHealthDetails notifierLinesHealthDetails(StreamsBuilderFactoryBean factory, NotifierLines lines) {
		return (health) -> {
			KafkaStreams streams = factory.getKafkaStreams();
			if (streams != null && streams.state() == KafkaStreams.State.RUNNING) {
				health.withDetail("lines", lines.size());
			}
		};
	}

}
