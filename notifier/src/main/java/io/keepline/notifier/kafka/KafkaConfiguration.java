package io.keepline.notifier.kafka;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import io.keepline.contracts.Msisdn;
import io.keepline.contracts.deadline.DeadlineEvent;
import io.keepline.contracts.notification.NotificationEvent;
import io.keepline.contracts.topic.Topic;
import io.keepline.contracts.topic.Topics;
import io.keepline.notifier.NotifierProperties;
import io.keepline.notifier.delivery.NotificationRecorder;
import io.keepline.notifier.delivery.SentLog;
import io.keepline.notifier.delivery.TransientDeliveryException;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.annotation.EnableKafkaRetryTopic;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ConsumerAwareRebalanceListener;
import org.springframework.kafka.retrytopic.RetryTopicConfiguration;
import org.springframework.kafka.retrytopic.RetryTopicConfigurationBuilder;
import org.springframework.kafka.retrytopic.RetryTopicSchedulerWrapper;
import org.springframework.kafka.support.serializer.ErrorHandlingDeserializer;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

/**
 * Kafka wiring of the notifier, one error policy: non-blocking retry topics for
 * {@link TransientDeliveryException}s ({@code <deadline-events>-retry-N}, exponential
 * backoff, the attempts at the maximum delay sharing one topic), and straight to
 * {@code <deadline-events>-dlt} for anything else, including records that cannot be read.
 * The dead-letter topic is left to operators (forwarding already logs why); retry topics
 * get one consumer thread each. Also the notification-events producer and the sent-log
 * that follows that topic.
 */
@Configuration(proxyBeanMethods = false)
@EnableKafkaRetryTopic
class KafkaConfiguration {

	private static final Logger log = LoggerFactory.getLogger(KafkaConfiguration.class);

	@Bean
	NewTopic notificationEventsTopic() {
		return newTopic(Topics.NOTIFICATION_EVENTS);
	}

	@Bean
	ConcurrentKafkaListenerContainerFactory<Msisdn, DeadlineEvent> kafkaListenerContainerFactory(KafkaProperties kafka,
			SentLogTail sentLogTail) {
		Map<String, Object> properties = kafka.buildConsumerProperties();
		properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
		properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		Topic<Msisdn, DeadlineEvent> topic = Topics.DEADLINE_EVENTS;
		ConcurrentKafkaListenerContainerFactory<Msisdn, DeadlineEvent> factory = new ConcurrentKafkaListenerContainerFactory<>();
		factory.setConsumerFactory(new DefaultKafkaConsumerFactory<>(properties,
				new ErrorHandlingDeserializer<>(topic.keySerde().deserializer()),
				new ErrorHandlingDeserializer<>(topic.valueSerde().deserializer())));
		factory.getContainerProperties().setConsumerRebalanceListener(new CatchUpOnAssignment(sentLogTail));
		return factory;
	}

	/** Beans, so that the context closes their producers. */
	@Bean
	DefaultKafkaProducerFactory<Object, Object> retryForwardingProducerFactory(KafkaProperties kafka) {
		return new DefaultKafkaProducerFactory<>(producerProperties(kafka), new RetryRecordSerializer(),
				new RetryRecordSerializer());
	}

	@Bean
	KafkaTemplate<Object, Object> retryForwardingTemplate(
			DefaultKafkaProducerFactory<Object, Object> retryForwardingProducerFactory) {
		return new KafkaTemplate<>(retryForwardingProducerFactory);
	}

	@Bean
	RetryTopicConfiguration deadlineEventRetries(NotifierProperties settings,
			KafkaTemplate<Object, Object> retryForwardingTemplate) {
		NotifierProperties.Retry retry = settings.retry();
		return RetryTopicConfigurationBuilder.newInstance()
			.includeTopic(Topics.DEADLINE_EVENTS.name())
			.maxAttempts(retry.attempts())
			.exponentialBackoff(retry.initialBackoff().toMillis(), retry.multiplier(), retry.maxBackoff().toMillis())
			.retryOn(TransientDeliveryException.class)
			.traversingCauses()
			.suffixTopicsWithIndexValues()
			.useSingleTopicForSameIntervals()
			.dltSuffix(Topic.DEAD_LETTER_SUFFIX)
			.autoCreateTopicsWith(Topics.DEFAULT_PARTITIONS, retry.replicationFactor())
			.concurrency(1)
			.autoStartDltHandler(false)
			.create(retryForwardingTemplate);
	}

	/**
	 * Its own scheduler, so that an embedding application's TaskScheduler is not needed.
	 */
	@Bean
	RetryTopicSchedulerWrapper retryTopicSchedulerWrapper() {
		ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
		scheduler.setThreadNamePrefix("notifier-retry-");
		scheduler.initialize();
		return new RetryTopicSchedulerWrapper(scheduler);
	}

	@Bean
	DefaultKafkaProducerFactory<Msisdn, NotificationEvent> notificationEventsProducerFactory(KafkaProperties kafka) {
		Topic<Msisdn, NotificationEvent> topic = Topics.NOTIFICATION_EVENTS;
		return new DefaultKafkaProducerFactory<>(producerProperties(kafka), topic.keySerde().serializer(),
				topic.valueSerde().serializer());
	}

	@Bean
	KafkaTemplate<Msisdn, NotificationEvent> notificationEventsTemplate(
			DefaultKafkaProducerFactory<Msisdn, NotificationEvent> notificationEventsProducerFactory) {
		return new KafkaTemplate<>(notificationEventsProducerFactory);
	}

	@Bean
	NotificationRecorder notificationRecorder(KafkaTemplate<Msisdn, NotificationEvent> notificationEventsTemplate,
			NotifierProperties settings) {
		return new KafkaNotificationRecorder(notificationEventsTemplate, settings.httpTimeout().plusSeconds(20));
	}

	@Bean
	SentLogTail sentLogTail(KafkaProperties kafka, SentLog sentLog, NotifierProperties settings) {
		Map<String, Object> properties = new HashMap<>(kafka.buildConsumerProperties());
		properties.remove(ConsumerConfig.GROUP_ID_CONFIG);
		properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
		return new SentLogTail(properties, sentLog, settings.sentLogTimeout());
	}

	private static Map<String, Object> producerProperties(KafkaProperties kafka) {
		Map<String, Object> properties = kafka.buildProducerProperties();
		properties.put(ProducerConfig.ACKS_CONFIG, "all");
		properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
		properties.put(ProducerConfig.LINGER_MS_CONFIG, 0);
		return properties;
	}

	private static NewTopic newTopic(Topic<?, ?> topic) {
		return TopicBuilder.name(topic.name()).partitions(topic.partitions()).configs(topic.configs()).build();
	}

	/**
	 * Before handling newly assigned partitions, waits until the sent-log has read
	 * everything already published to notification-events, by this or another instance.
	 */
	private record CatchUpOnAssignment(SentLogTail tail) implements ConsumerAwareRebalanceListener {

		@Override
		public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
			if (partitions.isEmpty() || !this.tail.isRunning()) {
				return;
			}
			Map<TopicPartition, Long> ends = consumer.endOffsets(this.tail.partitions(), this.tail.timeout());
			if (!this.tail.awaitCaughtUp(ends, this.tail.timeout())) {
				log.warn("Sent-log still behind notification-events after {}: duplicates are possible",
						this.tail.timeout());
			}
		}

	}

}
