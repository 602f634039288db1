package io.keepline.ingest.kafka;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import io.keepline.contracts.OperatorId;
import io.keepline.contracts.auth.OperatorKeys;
import io.keepline.contracts.topic.Topic;
import io.keepline.contracts.topic.Topics;
import io.keepline.ingest.BatchIngestor;
import io.keepline.contracts.linekey.ContactSealer;
import io.keepline.contracts.linekey.DataKey;
import io.keepline.ingest.EventPublisher;
import io.keepline.ingest.IngestSettings;
import io.keepline.support.kafka.KafkaClients;
import io.keepline.support.kafka.ServiceTopics;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
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
 * Kafka side of ingest: the transactional producer it publishes batches with (tuned in
 * {@code spring.kafka.producer.*}), the topics it writes, and the
 * consume-transform-produce container of the Kafka-native path, which
 * {@link RawPathStarter} starts once line owners are known.
 */
@Configuration(proxyBeanMethods = false)
class IngestKafkaConfiguration {

	static final String RAW_CONTAINER_ID = "keepline-ingest-raw";

	@Bean
	DefaultKafkaProducerFactory<byte[], byte[]> ingestProducerFactory(KafkaClients clients, IngestSettings settings) {
		return transactional(clients.producerProperties(), settings.transactionIdPrefix());
	}

	/** A transactional producer factory of serialized records on {@code properties}. */
	static DefaultKafkaProducerFactory<byte[], byte[]> transactional(Map<String, Object> properties,
			String transactionIdPrefix) {
		DefaultKafkaProducerFactory<byte[], byte[]> factory = new DefaultKafkaProducerFactory<>(properties,
				new ByteArraySerializer(), new ByteArraySerializer());
		factory.setTransactionIdPrefix(transactionIdPrefix);
		return factory;
	}

	@Bean
	KafkaTemplate<byte[], byte[]> ingestKafkaTemplate(ProducerFactory<byte[], byte[]> ingestProducerFactory) {
		return new KafkaTemplate<>(ingestProducerFactory);
	}

	@Bean
	EventPublisher eventPublisher(KafkaTemplate<byte[], byte[]> ingestKafkaTemplate, DataKey dataKey, Clock clock) {
		return new KafkaEventPublisher(ingestKafkaTemplate, new ContactSealer(dataKey, clock));
	}

	/**
	 * The topics ingest writes (each known operator's notice topic among them), the raw
	 * topics of the operators it knows, which it reads and declares (their writers are
	 * outside Keepline), and the dead-letter topics of what it reads.
	 */
	@Bean
	KafkaAdmin.NewTopics ingestTopics(OperatorKeys operatorKeys) {
		List<Topic<?, ?>> topics = new ArrayList<>(
				List.of(Topics.LINE_EVENTS, Topics.REJECTED_EVENTS, Topics.IMPORT_JOBS));
		topics.addAll(rawTopics(operatorKeys));
		List<Topic<?, ?>> notices = new ArrayList<>(noticeTopics(operatorKeys));
		topics.addAll(notices);
		List<Topic<?, ?>> read = new ArrayList<>(List.of(Topics.LINE_EVENTS, Topics.DEADLINE_EVENTS,
				Topics.PAYMENT_EVENTS, Topics.NOTIFICATION_EVENTS, Topics.REJECTED_EVENTS));
		read.addAll(notices);
		return ServiceTopics.writes(topics.toArray(Topic<?, ?>[]::new)).deadLettersOf(read.toArray(Topic<?, ?>[]::new));
	}

	/**
	 * The notice topics of the operators ingest knows (it writes them), whose dead
	 * letters are the webhook deliveries that gave up.
	 */
	static List<Topic<?, ?>> noticeTopics(OperatorKeys operatorKeys) {
		return operatorKeys.operators()
			.stream()
			.sorted(Comparator.comparing(OperatorId::value))
			.<Topic<?, ?>>map(Topics::operatorNotices)
			.toList();
	}

	/** The raw topics of the operators ingest knows, each operator's own. */
	static List<Topic<String, byte[]>> rawTopics(OperatorKeys operatorKeys) {
		return Topics.operatorEventsRaw(
				operatorKeys.operators().stream().sorted(Comparator.comparing(OperatorId::value)).toList());
	}

	@Bean
	ConcurrentMessageListenerContainer<byte[], byte[]> rawEventsContainer(KafkaClients clients, IngestSettings settings,
			ProducerFactory<byte[], byte[]> ingestProducerFactory, BatchIngestor ingestor, OperatorKeys operatorKeys) {
		DefaultKafkaConsumerFactory<byte[], byte[]> consumers = new DefaultKafkaConsumerFactory<>(
				clients.consumerProperties(), new ByteArrayDeserializer(), new ByteArrayDeserializer());
		ContainerProperties properties = new ContainerProperties(
				rawTopics(operatorKeys).stream().map(Topic::name).toArray(String[]::new));
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

}
