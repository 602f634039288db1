package io.keepline.payments.view;

import org.apache.kafka.streams.StreamsBuilder;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.annotation.EnableKafkaStreams;

/**
 * Runs payments' Streams application (its global stores of line records and payment
 * histories): its identity comes from {@code spring.kafka.streams.*}, its dead letters
 * and handlers from service-support's Streams defaults.
 */
@Configuration(proxyBeanMethods = false)
@EnableKafkaStreams
class PaymentsViewConfiguration {

	@Bean
	PaymentsStoresDefinition paymentsStoresDefinition(StreamsBuilder builder) {
		PaymentsTopology.define(builder);
		return new PaymentsStoresDefinition(PaymentsTopology.LINES, PaymentsTopology.HISTORY);
	}

	/** Marks that payments' stores were added to the Streams builder. */
	record PaymentsStoresDefinition(String lines, String history) {
	}

}
