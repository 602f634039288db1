package io.keepline.notifier.kafka;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import io.keepline.contracts.Channel;
import io.keepline.contracts.Msisdn;
import io.keepline.contracts.deadline.DeadlineEvent;
import io.keepline.contracts.notification.NotificationFailed;
import io.keepline.contracts.notification.SmsSent;
import io.keepline.contracts.topic.Topics;
import io.keepline.notifier.delivery.SentLog;
import io.keepline.notifier.delivery.TransientDeliveryException;
import io.keepline.notifier.delivery.UndeliveredSms;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.kafka.streams.KafkaStreamsInteractiveQueryService;

/**
 * Fails an SMS the provider reports undelivered and hands its deadline record to the
 * retry topics, whose next delivery skips SMS (failed for good) and takes the holder's
 * next channel. The SMS is found by the provider's message id in the global store of
 * {@code sms-sent}; its record is read again at the coordinates stored there.
 */
final class SmsFeedback implements UndeliveredSms {

	private static final Logger log = LoggerFactory.getLogger(SmsFeedback.class);

	/**
	 * How long a report waits for its SMS to appear in the store: a report can come
	 * moments after the send, before this instance read the SMS's record.
	 */
	private static final Duration LOOKUP_WAIT = Duration.ofSeconds(3);

	private static final Duration READ_TIMEOUT = Duration.ofSeconds(10);

	private final KafkaStreamsInteractiveQueryService queries;

	private final Map<String, Object> consumerProperties;

	private final KafkaNotificationRecorder recorder;

	private final SentLog sentLog;

	private final Deliveries deliveries;

	private final Clock clock;

	SmsFeedback(KafkaStreamsInteractiveQueryService queries, Map<String, Object> consumerProperties,
			KafkaNotificationRecorder recorder, SentLog sentLog, Deliveries deliveries, Clock clock) {
		this.queries = queries;
		this.consumerProperties = consumerProperties;
		this.recorder = recorder;
		this.sentLog = sentLog;
		this.deliveries = deliveries;
		this.clock = clock;
	}

	@Override
	public Outcome report(String messageId, String status, String errorCode) {
		SmsSent sms = find(messageId).orElse(null);
		if (sms == null) {
			log.info("SMS delivery report ({}) for a message not known here", status);
			return Outcome.UNKNOWN;
		}
		String reason = "sms_" + status.toLowerCase(Locale.ROOT)
				+ ((errorCode != null && errorCode.matches("[0-9]{1,8}")) ? "_" + errorCode : "");
		if (!this.sentLog.failedPermanently(sms.notificationId())) {
			this.sentLog.markFailedPermanently(sms.notificationId());
			this.recorder.record(
					new NotificationFailed(UUID.randomUUID(), this.clock.instant(), sms.msisdn(), sms.notificationId(),
							sms.sourceEventId(), Channel.SMS, sms.template(), sms.locale(), true, reason));
			this.recorder.flush();
			log.info("{} for {} not delivered by SMS ({}): on to the next channel", sms.template(),
					sms.msisdn().masked(), reason);
		}
		// handed on again when reported again: the retry skips a notice some channel
		// delivered
		ConsumerRecord<Msisdn, DeadlineEvent> source = read(sms).orElse(null);
		if (source == null || !this.deliveries.redeliver(source,
				new TransientDeliveryException(reason, "the SMS provider did not deliver the message"))) {
			log.error("{} for {} failed by SMS and its record {}-{}@{} could not be handed on", sms.template(),
					sms.msisdn().masked(), sms.sourceTopic(), sms.sourcePartition(), sms.sourceOffset());
			return Outcome.NOT_HANDED_ON;
		}
		return Outcome.HANDED_ON;
	}

	private Optional<SmsSent> find(String messageId) {
		long deadline = System.nanoTime() + LOOKUP_WAIT.toNanos();
		while (true) {
			try {
				ReadOnlyKeyValueStore<String, SmsSent> store = this.queries
					.retrieveQueryableStore(NotifierLinesTopology.SMS_SENT_STORE, QueryableStoreTypes.keyValueStore());
				SmsSent sms = store.get(messageId);
				if (sms != null) {
					return Optional.of(sms);
				}
			}
			catch (InvalidStateStoreException | IllegalStateException ex) {
				log.debug("The store of SMS sent cannot be read now: {}", ex.toString());
			}
			if (System.nanoTime() > deadline) {
				return Optional.empty();
			}
			LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
		}
	}

	/** The deadline record the SMS answered, read again where it was published. */
	private Optional<ConsumerRecord<Msisdn, DeadlineEvent>> read(SmsSent sms) {
		if (!Topics.DEADLINE_EVENTS.name().equals(sms.sourceTopic())) {
			return Optional.empty();
		}
		Map<String, Object> properties = new HashMap<>(this.consumerProperties);
		properties.remove(ConsumerConfig.GROUP_ID_CONFIG);
		properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		properties.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 1);
		TopicPartition partition = new TopicPartition(sms.sourceTopic(), sms.sourcePartition());
		try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(properties, new ByteArrayDeserializer(),
				new ByteArrayDeserializer())) {
			consumer.assign(List.of(partition));
			consumer.seek(partition, sms.sourceOffset());
			long deadline = System.nanoTime() + READ_TIMEOUT.toNanos();
			while (System.nanoTime() < deadline) {
				for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
					if (record.offset() == sms.sourceOffset()) {
						return Optional.of(typed(record));
					}
					if (record.offset() > sms.sourceOffset()) {
						// gone: compacted away or the topic made anew
						return Optional.empty();
					}
				}
			}
		}
		catch (RuntimeException ex) {
			log.warn("Could not read {}-{}@{} again: {}", sms.sourceTopic(), sms.sourcePartition(), sms.sourceOffset(),
					ex.toString());
		}
		return Optional.empty();
	}

	private static ConsumerRecord<Msisdn, DeadlineEvent> typed(ConsumerRecord<byte[], byte[]> record) {
		Msisdn key = Topics.DEADLINE_EVENTS.keySerde().deserializer().deserialize(record.topic(), record.key());
		DeadlineEvent value = Topics.DEADLINE_EVENTS.valueSerde()
			.deserializer()
			.deserialize(record.topic(), record.headers(), record.value());
		return new ConsumerRecord<>(record.topic(), record.partition(), record.offset(), record.timestamp(),
				record.timestampType(), record.serializedKeySize(), record.serializedValueSize(), key, value,
				record.headers(), record.leaderEpoch());
	}

}
