package io.keepline.payments.view;

import java.util.Map;

import io.keepline.payments.PaymentsSettings;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.LogAndContinueExceptionHandler;

import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.annotation.EnableKafkaStreams;
import org.springframework.kafka.annotation.KafkaStreamsDefaultConfiguration;
import org.springframework.kafka.config.KafkaStreamsConfiguration;
import org.apache.kafka.streams.StreamsBuilder;

/**
 * Runs the line-view Streams application, with its application id and state directory
 * from the settings.
 */
@Configuration(proxyBeanMethods = false)
@EnableKafkaStreams
class LineViewConfiguration {

	@Bean(name = KafkaStreamsDefaultConfiguration.DEFAULT_STREAMS_CONFIG_BEAN_NAME)
	KafkaStreamsConfiguration lineViewStreamsConfig(KafkaProperties kafka, PaymentsSettings settings) {
		Map<String, Object> properties = kafka.buildStreamsProperties();
		properties.put(StreamsConfig.APPLICATION_ID_CONFIG, settings.applicationId() + "-view");
		properties.put(StreamsConfig.STATE_DIR_CONFIG, settings.stateDir().toAbsolutePath().toString());
		properties.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG,
				LogAndContinueExceptionHandler.class);
		properties.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 1000);
		properties.put(StreamsConfig.consumerPrefix("auto.offset.reset"), "earliest");
		return new KafkaStreamsConfiguration(properties);
	}

	@Bean
	LineViewDefinition lineViewDefinition(StreamsBuilder builder) {
		LineViewTopology.define(builder);
		return new LineViewDefinition(LineViewTopology.STORE);
	}

	/** Marks that the line-view topology was added to the Streams builder. */
	record LineViewDefinition(String store) {
	}

}
