package io.keepline.scheduler.streams;

import java.time.Clock;
import java.util.Properties;

import io.keepline.contracts.Msisdn;
import io.keepline.contracts.deadline.DeadlineEvent;
import io.keepline.contracts.topic.Topics;
import io.keepline.scheduler.SchedulerSettings;
import io.keepline.scheduler.engine.SchedulerTopology;
import io.keepline.support.kafka.ServiceTopics;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.kstream.KStream;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.annotation.EnableKafkaStreams;
import org.springframework.kafka.config.StreamsBuilderFactoryBeanConfigurer;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * The scheduler's own part of its Kafka Streams application (its identity comes from
 * {@code spring.kafka.streams.*}, exactly-once and dead letters from service-support):
 * the deadline topology (deadline events and line records), RocksDB memory bounded by one
 * shared cache, its throughput settings ({@link SchedulerStreamsTuning}, which
 * {@code spring.kafka.streams.properties} may override) and its topics.
 */
@Configuration(proxyBeanMethods = false)
@EnableKafkaStreams
class SchedulerStreamsConfiguration {

	@Bean
	KStream<Msisdn, DeadlineEvent> schedulerTopology(StreamsBuilder builder, SchedulerSettings settings, Clock clock,
			EngineMetrics metrics) {
		return SchedulerTopology.define(builder, settings.engine(), clock, metrics);
	}

	@Bean
	StreamsBuilderFactoryBeanConfigurer boundedRocksDbMemory(SchedulerSettings settings) {
		return (factory) -> {
			Properties properties = factory.getStreamsConfiguration();
			properties.put(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, BoundedRocksDbMemory.class);
			properties.put(BoundedRocksDbMemory.TOTAL_BYTES_CONFIG, settings.storeMemory().toBytes());
			SchedulerStreamsTuning.properties().forEach(properties::putIfAbsent);
			factory.setStreamsConfiguration(properties);
		};
	}

	/**
	 * Deadline-events and the lines topic, which the scheduler alone writes, and the
	 * dead-letter topics of the topics it reads.
	 */
	@Bean
	KafkaAdmin.NewTopics schedulerTopics() {
		return ServiceTopics.writes(Topics.DEADLINE_EVENTS, Topics.LINES)
			.deadLettersOf(Topics.LINE_EVENTS, Topics.PAYMENT_EVENTS);
	}

}
