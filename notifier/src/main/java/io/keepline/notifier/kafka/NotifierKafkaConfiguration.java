package io.keepline.notifier.kafka;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

import io.keepline.contracts.Msisdn;
import io.keepline.contracts.deadline.DeadlineEvent;
import io.keepline.contracts.linerecord.LineRecord;
import io.keepline.contracts.notification.NotificationEvent;
import io.keepline.contracts.notification.SmsSent;
import io.keepline.contracts.payment.PaymentEvent;
import io.keepline.contracts.topic.Topic;
import io.keepline.contracts.topic.Topics;
import io.keepline.notifier.NotifierSettings;
import io.keepline.notifier.delivery.SentLog;
import io.keepline.notifier.delivery.TransientDeliveryException;
import io.keepline.support.kafka.DeadLetters;
import io.keepline.support.kafka.KafkaClients;
import io.keepline.support.kafka.ServiceTopics;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;

import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.streams.KafkaStreamsInteractiveQueryService;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.retrytopic.RetryTopicConfiguration;
import org.springframework.kafka.retrytopic.RetryTopicConfigurationBuilder;
import org.springframework.util.backoff.FixedBackOff;

/**
 * The notifier's own Kafka wiring, one error policy: non-blocking retry topics for
 * {@link TransientDeliveryException}s ({@code <deadline-events>-retry-N}, exponential
 * backoff, the attempts at the maximum delay sharing one topic, one consumer thread
 * each), and straight to {@code <deadline-events>-dlt} for anything else, including
 * records that cannot be read; the dead-letter topic is left to operators (forwarding
 * already logs why). Deadline records are committed in order by the listener
 * ({@link InOrderAcks}), never by the error handler. Also the notification-events
 * producer and the sent-log (on disk) that follows that topic.
 */
@Configuration(proxyBeanMethods = false)
class NotifierKafkaConfiguration {

	private static final String DEFAULT_STATE_DIR = "./data/notifier";

	@Bean
	KafkaAdmin.NewTopics notifierTopics() {
		return ServiceTopics.writes(Topics.NOTIFICATION_EVENTS, Topics.HOLDER_CHOICES, Topics.SMS_SENT).declare();
	}

	/**
	 * The retry and dead-letter topics of {@link #deadlineEventRetries}, named as
	 * spring-kafka names them and declared here rather than by spring-kafka, so that they
	 * are deleted within the erasure bound like every held copy (docs/privacy.md).
	 */
	@Bean
	KafkaAdmin.NewTopics notifierRetryTopics(RetryTopicConfiguration deadlineEventRetries, NotifierSettings settings) {
		short replication = settings.retry().replicationFactor();
		return new KafkaAdmin.NewTopics(deadlineEventRetries.getDestinationTopicProperties()
			.stream()
			.filter((destination) -> !destination.isMainEndpoint())
			.map((destination) -> Topics.DEADLINE_EVENTS.name() + destination.suffix())
			.distinct()
			.map((name) -> new NewTopic(name, Optional.of(Topics.DEADLINE_EVENTS.partitions()),
					(replication > 0) ? Optional.of(replication) : Optional.empty())
				.configs(Topics.DEADLINE_EVENTS.newHeldCopyTopic(name, Topic.HELD_COPY_RETENTION).configs()))
			.toArray(NewTopic[]::new));
	}

	/**
	 * Reads deadline events with as many threads as
	 * {@code spring.kafka.listener.concurrency} says, each waiting on a partition
	 * assignment for the sent-log to catch up, and for the outcomes it published before
	 * committing; the listener acknowledges records itself, in order.
	 */
	@Bean
	ConcurrentKafkaListenerContainerFactory<Msisdn, DeadlineEvent> kafkaListenerContainerFactory(KafkaClients clients,
			SentLogTail sentLogTail, KafkaNotificationRecorder notificationRecorder, InOrderAcks deadlineAcks) {
		ConcurrentKafkaListenerContainerFactory<Msisdn, DeadlineEvent> factory = clients
			.listenerFactory(Topics.DEADLINE_EVENTS);
		factory.getContainerProperties().setAckMode(ContainerProperties.AckMode.MANUAL);
		factory.getContainerProperties().setConsumerRebalanceListener(new OnRebalance(sentLogTail, deadlineAcks));
		factory.setRecordInterceptor(new OutcomesBeforeCommit<>(notificationRecorder));
		return factory;
	}

	@Bean
	InOrderAcks deadlineAcks() {
		return new InOrderAcks();
	}

	@Bean
	Deliveries webhookDeliveries(InOrderAcks deadlineAcks, KafkaNotificationRecorder notificationRecorder,
			NotifierSettings settings) {
		return Deliveries.webhooks(settings.webhookThreads(), settings.webhookOperatorConcurrency(),
				settings.httpTimeout(), deadlineAcks, notificationRecorder, settings.groupId());
	}

	/**
	 * As many threads as SMTP connections: each send holds one connection at a time.
	 */
	@Bean
	Deliveries messageDeliveries(InOrderAcks deadlineAcks, KafkaNotificationRecorder notificationRecorder,
			NotifierSettings settings) {
		return Deliveries.messages(settings.smtpConnections(), settings.httpTimeout(), deadlineAcks,
				notificationRecorder, settings.groupId());
	}

	/**
	 * Reads payment-events (code requests, refunds, failed checkouts) with one thread,
	 * waiting on a partition assignment for the sent-log to catch up as the deadline
	 * readers do: a transient failure (the line's record not read yet, a channel down) is
	 * retried in place a few times, as a code is only worth minutes; anything else, and a
	 * failure that outlasts the retries, goes to the dead letters (replayable).
	 */
	@Bean
	ConcurrentKafkaListenerContainerFactory<Msisdn, PaymentEvent> paymentEventsListenerFactory(KafkaClients clients,
			KafkaNotificationRecorder notificationRecorder, DeadLetters deadLetters, NotifierSettings settings,
			SentLogTail sentLogTail) {
		ConcurrentKafkaListenerContainerFactory<Msisdn, PaymentEvent> factory = clients
			.listenerFactory(Topics.PAYMENT_EVENTS);
		factory.setConcurrency(1);
		factory.getContainerProperties().setConsumerRebalanceListener(new OnRebalance(sentLogTail, new InOrderAcks()));
		factory.setRecordInterceptor(new OutcomesBeforeCommit<>(notificationRecorder));
		DefaultErrorHandler errors = new DefaultErrorHandler(deadLetters.recoverer(settings.groupId() + "-card-codes"),
				new FixedBackOff(2000, 5));
		errors.defaultFalse();
		errors.addRetryableExceptions(TransientDeliveryException.class);
		factory.setCommonErrorHandler(errors);
		return factory;
	}

	/**
	 * Reads line records for {@link StaleChoices}, one thread: a record that cannot be
	 * read is skipped after a few tries, as the notifier's global store of line records
	 * skips it.
	 */
	@Bean
	ConcurrentKafkaListenerContainerFactory<Msisdn, LineRecord> lineRecordsListenerFactory(KafkaClients clients) {
		ConcurrentKafkaListenerContainerFactory<Msisdn, LineRecord> factory = clients.listenerFactory(Topics.LINES);
		factory.setConcurrency(1);
		factory.setCommonErrorHandler(new DefaultErrorHandler(new FixedBackOff(1000, 30)));
		return factory;
	}

	/**
	 * Forwards through the service's dead-letter producer, which writes records as they
	 * were read: raw bytes if unreadable, else in the catalogue's wire format.
	 */
	@Bean
	RetryTopicConfiguration deadlineEventRetries(NotifierSettings settings, DeadLetters deadLetters) {
		NotifierSettings.Retry retry = settings.retry();
		return RetryTopicConfigurationBuilder.newInstance()
			.includeTopic(Topics.DEADLINE_EVENTS.name())
			.maxAttempts(retry.attempts())
			.exponentialBackoff(retry.initialBackoff().toMillis(), retry.multiplier(), retry.maxBackoff().toMillis())
			.retryOn(TransientDeliveryException.class)
			.traversingCauses()
			.suffixTopicsWithIndexValues()
			.useSingleTopicForSameIntervals()
			.dltSuffix(Topic.DEAD_LETTER_SUFFIX)
			.doNotAutoCreateRetryTopics()
			.concurrency(1)
			.autoStartDltHandler(false)
			.create(deadLetters.template());
	}

	/** A bean, so that the context closes its producer. */
	@Bean
	KafkaTemplate<Msisdn, NotificationEvent> notificationEventsTemplate(KafkaClients clients) {
		return clients.template(Topics.NOTIFICATION_EVENTS);
	}

	/** A bean, so that the context closes its producer. */
	@Bean
	KafkaTemplate<String, SmsSent> smsSentTemplate(KafkaClients clients) {
		return clients.template(Topics.SMS_SENT);
	}

	@Bean
	KafkaNotificationRecorder notificationRecorder(KafkaTemplate<Msisdn, NotificationEvent> notificationEventsTemplate,
			KafkaTemplate<String, SmsSent> smsSentTemplate, NotifierSettings settings) {
		return new KafkaNotificationRecorder(notificationEventsTemplate, smsSentTemplate,
				settings.httpTimeout().plusSeconds(20));
	}

	/**
	 * The SMS provider's delivery reports: an undelivered SMS goes to the retry topics
	 * (through the message deliveries' recoverer) and from there to the next channel.
	 */
	@Bean
	SmsFeedback undeliveredSms(KafkaStreamsInteractiveQueryService queries, KafkaClients clients,
			KafkaNotificationRecorder notificationRecorder, SentLog sentLog, Deliveries messageDeliveries,
			Clock clock) {
		return new SmsFeedback(queries, clients.consumerProperties(), notificationRecorder, sentLog, messageDeliveries,
				clock);
	}

	/**
	 * On disk beside the Streams state ({@code spring.kafka.streams.state-dir}), kept
	 * across restarts; entries expire after {@link NotifierSettings#sentLogRetention()}.
	 */
	@Bean
	RocksDbSentLogStore sentLogStore(KafkaProperties kafka, NotifierSettings settings) {
		String stateDir = kafka.getStreams().getStateDir();
		Path directory = Path.of((stateDir != null) ? stateDir : DEFAULT_STATE_DIR, "sent-log");
		return new RocksDbSentLogStore(directory, settings.sentLogRetention());
	}

	/** Reads every partition itself, outside any consumer group. */
	@Bean
	SentLogTail sentLogTail(KafkaClients clients, SentLog sentLog, NotifierSettings settings) {
		Map<String, Object> properties = clients.consumerProperties();
		properties.remove(ConsumerConfig.GROUP_ID_CONFIG);
		return new SentLogTail(properties, sentLog, settings.sentLogTimeout(), settings.sentLogRetention());
	}

}
