package io.keepline.payments.view;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import io.keepline.contracts.topic.Topic;
import io.keepline.contracts.topic.Topics;
import io.keepline.payments.PaymentsSettings;
import io.keepline.support.streams.KeyMismatchHandler;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;

import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.annotation.EnableKafkaStreams;
import org.springframework.kafka.annotation.KafkaStreamsDefaultConfiguration;
import org.springframework.kafka.config.KafkaStreamsConfiguration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.streams.RecoveringDeserializationExceptionHandler;
import org.springframework.kafka.support.KafkaHeaders;

/**
 * Runs the line-view Streams application, with its application id and state directory
 * from the settings; records it cannot read, or that are not keyed by their event's
 * msisdn, go to their topic's dead-letter topic.
 */
@Configuration(proxyBeanMethods = false)
@EnableKafkaStreams
class LineViewConfiguration {

	/** The consumer setting Streams overrides to false (no public constant in 4.1). */
	private static final String LEAVE_GROUP_ON_CLOSE = "internal.leave.group.on.close";

	@Bean(name = KafkaStreamsDefaultConfiguration.DEFAULT_STREAMS_CONFIG_BEAN_NAME)
	KafkaStreamsConfiguration lineViewStreamsConfig(KafkaProperties kafka, PaymentsSettings settings,
			DefaultKafkaProducerFactory<byte[], byte[]> lineViewDeadLetterProducerFactory) {
		Map<String, Object> properties = kafka.buildStreamsProperties();
		String applicationId = settings.applicationId() + "-view";
		properties.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
		properties.put(StreamsConfig.STATE_DIR_CONFIG, settings.stateDir().toAbsolutePath().toString());
		DeadLetterPublishingRecoverer deadLetters = deadLetters(lineViewDeadLetterProducerFactory, applicationId);
		properties.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG,
				RecoveringDeserializationExceptionHandler.class);
		properties.put(RecoveringDeserializationExceptionHandler.KSTREAM_DESERIALIZATION_RECOVERER, deadLetters);
		properties.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, KeyMismatchHandler.class);
		properties.put(KeyMismatchHandler.RECOVERER, deadLetters);
		properties.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 1000);
		// Streams keeps a closed member in the group until its session times out; leaving
		// at once lets a restarted instance run the view, and so consume deadline-events,
		// without waiting for that
		properties.putIfAbsent(StreamsConfig.mainConsumerPrefix(LEAVE_GROUP_ON_CLOSE), true);
		properties.put(StreamsConfig.consumerPrefix("auto.offset.reset"), "earliest");
		return new KafkaStreamsConfiguration(properties);
	}

	@Bean
	LineViewDefinition lineViewDefinition(StreamsBuilder builder) {
		LineViewTopology.define(builder);
		return new LineViewDefinition(LineViewTopology.STORE);
	}

	/**
	 * The view reads payment-events too; its dead letters need that topic's dead-letter
	 * topic whether or not the scheduler declared it yet.
	 */
	@Bean
	NewTopic paymentEventsDeadLetterTopic() {
		Topic<?, ?> layout = Topics.PAYMENT_EVENTS;
		return TopicBuilder.name(layout.deadLetter()).partitions(layout.partitions()).configs(layout.configs()).build();
	}

	/** The dead letters' producer, a bean so that the context closes it. */
	@Bean
	DefaultKafkaProducerFactory<byte[], byte[]> lineViewDeadLetterProducerFactory(KafkaProperties kafka) {
		Map<String, Object> producer = kafka.buildProducerProperties();
		producer.put(ProducerConfig.ACKS_CONFIG, "all");
		producer.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
		return new DefaultKafkaProducerFactory<>(producer, new ByteArraySerializer(), new ByteArraySerializer());
	}

	/**
	 * Publishes the bytes that were read, with spring-kafka's dead-letter headers and the
	 * application id as the consumer group that gave up on them.
	 */
	private static DeadLetterPublishingRecoverer deadLetters(DefaultKafkaProducerFactory<byte[], byte[]> producer,
			String applicationId) {
		DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(new KafkaTemplate<>(producer));
		recoverer.addHeadersFunction((record, ex) -> new RecordHeaders().add(KafkaHeaders.DLT_ORIGINAL_CONSUMER_GROUP,
				applicationId.getBytes(StandardCharsets.UTF_8)));
		return recoverer;
	}

	/** Marks that the line-view topology was added to the Streams builder. */
	record LineViewDefinition(String store) {
	}

}
