package io.keepline.payments.view;

import org.apache.kafka.streams.StreamsBuilder;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.annotation.EnableKafkaStreams;

/**
 * Runs the line-payments Streams application: its identity comes from
 * {@code spring.kafka.streams.*}, its dead letters and handlers from service-support's
 * Streams defaults.
 */
@Configuration(proxyBeanMethods = false)
@EnableKafkaStreams
class LinePaymentsConfiguration {

	@Bean
	LinePaymentsDefinition linePaymentsDefinition(StreamsBuilder builder) {
		LinePaymentsTopology.define(builder);
		return new LinePaymentsDefinition(LinePaymentsTopology.STORE);
	}

	/** Marks that the line-payments topology was added to the Streams builder. */
	record LinePaymentsDefinition(String store) {
	}

}
