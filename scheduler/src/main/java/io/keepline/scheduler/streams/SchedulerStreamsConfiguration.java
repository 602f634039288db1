package io.keepline.scheduler.streams;

import java.time.Clock;
import java.util.Properties;

import io.keepline.contracts.Msisdn;
import io.keepline.contracts.deadline.DeadlineEvent;
import io.keepline.contracts.linekey.LineEventSerde;
import io.keepline.contracts.linekey.LineKeyring;
import io.keepline.contracts.linekey.PaymentEventSerde;
import io.keepline.contracts.linekey.StoredKeyring;
import io.keepline.contracts.topic.Topics;
import io.keepline.scheduler.SchedulerSettings;
import io.keepline.scheduler.engine.SchedulerTopology;
import io.keepline.support.kafka.ServiceTopics;
import io.keepline.support.linekeys.LineKeySettings;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.kstream.KStream;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.annotation.EnableKafkaStreams;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
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

	/**
	 * The engine, reading line-events and payment-events with the line keys (holder
	 * contacts and saved cards are sealed with them): a key not yet in the global store
	 * is waited for up to {@code keepline.line-keys.key-wait} after its seal (by the
	 * system clock, as record times are), a shredded one leaves the contact or card
	 * unknown.
	 */
	@Bean
	KStream<Msisdn, DeadlineEvent> schedulerTopology(StreamsBuilder builder, SchedulerSettings settings, Clock clock,
			EngineMetrics metrics, LineKeySettings keys, ObjectProvider<StreamsBuilderFactoryBean> factory) {
		LineKeyring keyring = new StoredKeyring(new KeyStoreLookup(factory), keys.key(), Clock.systemUTC(),
				keys.keyWait());
		return SchedulerTopology.define(builder, settings.engine(), clock, metrics, new LineEventSerde(keyring),
				new PaymentEventSerde(keyring));
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
