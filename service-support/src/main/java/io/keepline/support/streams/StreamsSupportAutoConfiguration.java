package io.keepline.support.streams;

import io.keepline.support.kafka.CompactionBound;
import io.keepline.support.kafka.DeadLetters;
import io.keepline.support.kafka.KafkaSupportAutoConfiguration;
import org.apache.kafka.streams.KafkaStreams;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.kafka.streams.KafkaStreamsInteractiveQueryService;

/**
 * The Kafka Streams side of every service that runs a Streams application
 * ({@code @EnableKafkaStreams}): its defaults ({@link StreamsDefaults}), its health as
 * {@code streams}, and spring-kafka's interactive-query service over its stores.
 */
@AutoConfiguration(after = KafkaSupportAutoConfiguration.class)
@ConditionalOnClass(KafkaStreams.class)
public class StreamsSupportAutoConfiguration {

	@Bean
	StreamsDefaults keeplineStreamsDefaults(DeadLetters deadLetters, Environment environment) {
		return new StreamsDefaults(deadLetters, CompactionBound.from(environment));
	}

	@Bean
	@ConditionalOnBean(StreamsBuilderFactoryBean.class)
	@ConditionalOnMissingBean(name = "streamsHealthIndicator")
	StreamsHealth streamsHealthIndicator(StreamsBuilderFactoryBean factory,
			ObjectProvider<StreamsHealthDetails> details) {
		return new StreamsHealth(() -> {
			KafkaStreams streams = factory.getKafkaStreams();
			return (streams != null) ? streams.state() : null;
		}, (health) -> details.orderedStream().forEach((detail) -> detail.addTo(health)));
	}

	@Bean
	@ConditionalOnBean(StreamsBuilderFactoryBean.class)
	@ConditionalOnMissingBean
	KafkaStreamsInteractiveQueryService kafkaStreamsInteractiveQueryService(StreamsBuilderFactoryBean factory) {
		return new KafkaStreamsInteractiveQueryService(factory);
	}

}
