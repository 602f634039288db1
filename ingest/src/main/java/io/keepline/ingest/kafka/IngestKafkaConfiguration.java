package io.keepline.ingest.kafka;

import java.util.HashMap;
import java.util.Map;

import io.keepline.contracts.auth.OperatorKeys;
import io.keepline.contracts.topic.Topic;
import io.keepline.contracts.topic.Topics;
import io.keepline.ingest.BatchIngestor;
import io.keepline.ingest.EventPublisher;
import io.keepline.ingest.IngestSettings;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DefaultAfterRollbackProcessor;
import org.springframework.kafka.transaction.KafkaTransactionManager;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * Kafka plumbing of ingest: one transactional, idempotent producer factory (acks=all,
 * batching and lz4 for throughput, short blocking so an outage answers 503 in seconds),
 * the topics ingest writes, and the read_committed consume-transform-produce container of
 * the Kafka-native path, which {@link RawPathStarter} starts once line owners are known.
 * Client settings from {@code spring.kafka.*} (servers, SASL/TLS,
 * {@code producer.properties.*}) apply; the tuning below only fills what they leave open.
 */
@Configuration(proxyBeanMethods = false)
class IngestKafkaConfiguration {

	static final String RAW_CONTAINER_ID = "keepline-ingest-raw";

	@Bean
	ProducerFactory<byte[], byte[]> ingestProducerFactory(KafkaProperties kafka, IngestSettings settings) {
		return producerFactory(kafka.buildProducerProperties(), settings.transactionIdPrefix());
	}

	/**
	 * The transactional producer factory ingest publishes with, on top of {@code base}
	 * client settings.
	 */
	static DefaultKafkaProducerFactory<byte[], byte[]> producerFactory(Map<String, Object> base,
			String transactionIdPrefix) {
		Map<String, Object> config = new HashMap<>(base);
		config.put(ProducerConfig.ACKS_CONFIG, "all");
		config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
		config.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, 5);
		config.putIfAbsent(ProducerConfig.BATCH_SIZE_CONFIG, 128 * 1024);
		config.putIfAbsent(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
		config.putIfAbsent(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
		config.putIfAbsent(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
		config.putIfAbsent(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 20_000);
		config.putIfAbsent(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, 30_000);
		DefaultKafkaProducerFactory<byte[], byte[]> factory = new DefaultKafkaProducerFactory<>(config,
				new ByteArraySerializer(), new ByteArraySerializer());
		factory.setTransactionIdPrefix(transactionIdPrefix);
		return factory;
	}

	@Bean
	KafkaTemplate<byte[], byte[]> ingestKafkaTemplate(ProducerFactory<byte[], byte[]> ingestProducerFactory) {
		return new KafkaTemplate<>(ingestProducerFactory);
	}

	@Bean
	EventPublisher eventPublisher(KafkaTemplate<byte[], byte[]> ingestKafkaTemplate) {
		return new KafkaEventPublisher(ingestKafkaTemplate);
	}

	@Bean
	KafkaAdmin.NewTopics ingestTopics() {
		return new KafkaAdmin.NewTopics(newTopic(Topics.LINE_EVENTS), newTopic(Topics.REJECTED_EVENTS),
				newTopic(Topics.OPERATOR_EVENTS_RAW));
	}

	@Bean
	ConcurrentMessageListenerContainer<byte[], byte[]> rawEventsContainer(KafkaProperties kafka,
			IngestSettings settings, ProducerFactory<byte[], byte[]> ingestProducerFactory, BatchIngestor ingestor,
			OperatorKeys operatorKeys) {
		Map<String, Object> config = kafka.buildConsumerProperties();
		config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
		config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		config.putIfAbsent(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		DefaultKafkaConsumerFactory<byte[], byte[]> consumers = new DefaultKafkaConsumerFactory<>(config,
				new ByteArrayDeserializer(), new ByteArrayDeserializer());
		ContainerProperties properties = new ContainerProperties(Topics.OPERATOR_EVENTS_RAW.name());
		properties.setGroupId(settings.raw().groupId());
		properties.setKafkaAwareTransactionManager(new KafkaTransactionManager<>(ingestProducerFactory));
		properties.setMessageListener(new RawEventListener(ingestor, new RawRecords(operatorKeys.operators())));
		ConcurrentMessageListenerContainer<byte[], byte[]> container = new ConcurrentMessageListenerContainer<>(
				consumers, properties);
		container.setBeanName(RAW_CONTAINER_ID);
		container.setConcurrency(settings.raw().concurrency());
		container.setAutoStartup(false);
		ExponentialBackOff backOff = new ExponentialBackOff(500, 2.0);
		backOff.setMaxInterval(30_000);
		container.setAfterRollbackProcessor(new DefaultAfterRollbackProcessor<>(backOff));
		return container;
	}

	private static NewTopic newTopic(Topic<?, ?> topic) {
		return TopicBuilder.name(topic.name()).partitions(topic.partitions()).configs(topic.configs()).build();
	}

}
