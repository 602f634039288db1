package io.keepline.scheduler.streams;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Properties;

import io.keepline.contracts.Msisdn;
import io.keepline.contracts.deadline.DeadlineEvent;
import io.keepline.contracts.topic.Topic;
import io.keepline.contracts.topic.Topics;
import io.keepline.scheduler.SchedulerSettings;
import io.keepline.scheduler.engine.SchedulerTopology;
import io.keepline.support.streams.KeyMismatchHandler;
import io.keepline.support.streams.RestoreProgressLog;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.kstream.KStream;

import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.annotation.EnableKafkaStreams;
import org.springframework.kafka.config.StreamsBuilderFactoryBeanConfigurer;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.streams.RecoveringDeserializationExceptionHandler;
import org.springframework.kafka.support.KafkaHeaders;

/**
 * Runs the scheduler topology through spring-kafka's {@code StreamsBuilderFactoryBean}
 * with exactly-once v2, the configured application id, state directory and standby
 * replicas, RocksDB memory bounded by one shared cache, a consumer that leaves the group
 * on close, and unreadable input records, and records not keyed by their event's msisdn,
 * sent to their topic's dead-letter topic.
 */
@Configuration(proxyBeanMethods = false)
@EnableKafkaStreams
class StreamsWiring {

	/** The consumer setting Streams overrides to false (no public constant in 4.1). */
	private static final String LEAVE_GROUP_ON_CLOSE = "internal.leave.group.on.close";

	@Bean
	KStream<Msisdn, DeadlineEvent> schedulerTopology(StreamsBuilder builder, SchedulerSettings settings, Clock clock,
			EngineMetrics metrics) {
		return SchedulerTopology.define(builder, settings.engine(), clock, metrics);
	}

	@Bean
	StreamsBuilderFactoryBeanConfigurer schedulerStreamsConfigurer(SchedulerSettings settings,
			KafkaTemplate<byte[], byte[]> deadLetterTemplate) {
		DeadLetterPublishingRecoverer deadLetters = new DeadLetterPublishingRecoverer(deadLetterTemplate);
		deadLetters.addHeadersFunction((record, ex) -> consumerGroup(settings.applicationId()));
		return (factory) -> {
			Properties properties = factory.getStreamsConfiguration();
			properties.put(StreamsConfig.APPLICATION_ID_CONFIG, settings.applicationId());
			properties.put(StreamsConfig.STATE_DIR_CONFIG, settings.stateDir().toAbsolutePath().toString());
			properties.put(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG, settings.standbyReplicas());
			properties.putIfAbsent(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
			if (!settings.applicationServer().isBlank()) {
				properties.put(StreamsConfig.APPLICATION_SERVER_CONFIG, settings.applicationServer());
			}
			// Streams makes its consumer stay in the group on close, so a restarted
			// instance
			// would wait the session timeout for its tasks; leaving hands them over at
			// once
			properties.putIfAbsent(StreamsConfig.mainConsumerPrefix(LEAVE_GROUP_ON_CLOSE), true);
			properties.put(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, BoundedRocksDbMemory.class);
			properties.put(BoundedRocksDbMemory.TOTAL_BYTES_CONFIG, settings.storeMemory().toBytes());
			properties.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG,
					RecoveringDeserializationExceptionHandler.class);
			properties.put(RecoveringDeserializationExceptionHandler.KSTREAM_DESERIALIZATION_RECOVERER, deadLetters);
			properties.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, KeyMismatchHandler.class);
			properties.put(KeyMismatchHandler.RECOVERER, deadLetters);
			factory.setStreamsConfiguration(properties);
			factory.setStateRestoreListener(new RestoreProgressLog());
		};
	}

	/**
	 * The header naming who gave up on a record, as spring-kafka's listener containers
	 * write it: for a Streams application its consumer group, the application id.
	 */
	private static Headers consumerGroup(String applicationId) {
		return new RecordHeaders().add(KafkaHeaders.DLT_ORIGINAL_CONSUMER_GROUP,
				applicationId.getBytes(StandardCharsets.UTF_8));
	}

	/** The dead letters' producer, a bean so that the context closes it. */
	@Bean
	DefaultKafkaProducerFactory<byte[], byte[]> deadLetterProducerFactory(KafkaProperties kafka) {
		var properties = kafka.buildProducerProperties();
		properties.put(ProducerConfig.ACKS_CONFIG, "all");
		properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
		return new DefaultKafkaProducerFactory<>(properties, new ByteArraySerializer(), new ByteArraySerializer());
	}

	@Bean
	KafkaTemplate<byte[], byte[]> deadLetterTemplate(
			DefaultKafkaProducerFactory<byte[], byte[]> deadLetterProducerFactory) {
		return new KafkaTemplate<>(deadLetterProducerFactory);
	}

	@Bean
	NewTopic deadlineEventsTopic() {
		return declare(Topics.DEADLINE_EVENTS.name(), Topics.DEADLINE_EVENTS);
	}

	@Bean
	NewTopic lineEventsDeadLetterTopic() {
		return declare(Topics.LINE_EVENTS.deadLetter(), Topics.LINE_EVENTS);
	}

	@Bean
	NewTopic paymentEventsDeadLetterTopic() {
		return declare(Topics.PAYMENT_EVENTS.deadLetter(), Topics.PAYMENT_EVENTS);
	}

	/** A topic laid out like {@code like}: dead letters keep their record's partition. */
	private static NewTopic declare(String name, Topic<?, ?> like) {
		return TopicBuilder.name(name).partitions(like.partitions()).configs(like.configs()).build();
	}

}
