package io.keepline.ingest.lines;

import java.net.http.HttpClient;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import io.keepline.ingest.EventPublisher;
import io.keepline.support.streams.StreamsDefaults;
import io.keepline.support.streams.StreamsHealthDetails;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.LogAndContinueExceptionHandler;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.annotation.KafkaStreamsDefaultConfiguration;
import org.springframework.kafka.config.KafkaStreamsConfiguration;
import org.springframework.kafka.config.KafkaStreamsInfrastructureCustomizer;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;

/**
 * The operator API's own Streams application ({@code <application-id>-operator-api},
 * global stores only, in ingest's state directory), apart from the view of line owners so
 * that restoring its larger stores never delays ingest taking events; and the API over
 * lines built on it.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ExportSettings.class)
class LinesConfiguration {

	static final String SUFFIX = "-operator-api";

	/**
	 * The starter owns the application's factory, which is no bean: ingest's default
	 * Streams application stays the one the shared health, readiness and interactive
	 * queries are about.
	 */
	@Bean
	OperatorApiStarter operatorApiStarter(
			@Qualifier(KafkaStreamsDefaultConfiguration.DEFAULT_STREAMS_CONFIG_BEAN_NAME) KafkaStreamsConfiguration base,
			StreamsDefaults defaults, ObjectProvider<OperatorApiTopology> topologies) throws Exception {
		Properties properties = base.asProperties();
		properties.put(StreamsConfig.APPLICATION_ID_CONFIG,
				properties.getProperty(StreamsConfig.APPLICATION_ID_CONFIG) + SUFFIX);
		StreamsBuilderFactoryBean factory = new StreamsBuilderFactoryBean(
				new KafkaStreamsConfiguration(toMap(properties)));
		defaults.configure(factory);
		Properties configured = factory.getStreamsConfiguration();
		// line records and events are written in transactions: read only committed ones
		configured.put(StreamsConfig.globalConsumerPrefix(ConsumerConfig.ISOLATION_LEVEL_CONFIG), "read_committed");
		// every instance reads everything: an unreadable record is skipped, not
		// dead-lettered once per instance (its writer's readers dead-letter it)
		configured.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG,
				LogAndContinueExceptionHandler.class);
		factory.setStreamsConfiguration(configured);
		List<OperatorApiTopology> parts = topologies.orderedStream().toList();
		factory.setInfrastructureCustomizer(new KafkaStreamsInfrastructureCustomizer() {

			@Override
			public void configureBuilder(StreamsBuilder builder) {
				LinesTopology.define(builder);
				parts.forEach((part) -> part.define(builder));
			}

		});
		factory.setAutoStartup(false);
		factory.afterPropertiesSet();
		factory.afterSingletonsInstantiated();
		return new OperatorApiStarter(factory);
	}

	private static Map<String, Object> toMap(Properties properties) {
		Map<String, Object> map = new HashMap<>();
		properties.forEach((key, value) -> map.put(key.toString(), value));
		return map;
	}

	@Bean
	OperatorApiStores operatorApiStores(OperatorApiStarter starter) {
		return new OperatorApiStores(starter::streams, starter.factory().getTopology());
	}

	/**
	 * The {@code streams} health names the operator API's state; it is not in readiness.
	 */
	@Bean
	StreamsHealthDetails operatorApiHealthDetails(OperatorApiStores stores) {
		return (health) -> health.withDetail("operatorApi",
				(stores.state() != null) ? stores.state().name() : "NOT_STARTED");
	}

	@Bean
	LineDirectory lineDirectory(OperatorApiStores stores) {
		return new LineDirectory(stores);
	}

	@Bean
	LineExporter lineExporter(LineDirectory directory, ExportSettings settings, Clock clock) {
		HttpClient http = HttpClient.newBuilder()
			.connectTimeout(settings.timeout())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
		return new LineExporter(directory, settings, http, clock);
	}

	@Bean
	ReminderResends reminderResends(LineDirectory directory, EventPublisher publisher, Clock clock) {
		return new ReminderResends(directory, publisher, clock);
	}

}
