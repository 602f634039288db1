package io.keepline.standalone.console;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.keepline.contracts.KeeplineEvent;
import io.keepline.contracts.OperatorId;
import io.keepline.contracts.UnhandledTypeException;
import io.keepline.contracts.auth.OperatorKeys;
import io.keepline.contracts.json.EventJson;
import io.keepline.contracts.line.LineEvent;
import io.keepline.contracts.notice.OperatorNotice;
import io.keepline.contracts.notification.NotificationEvent;
import io.keepline.contracts.payment.PaymentEvent;
import io.keepline.contracts.rejected.RejectedEvent;
import io.keepline.contracts.deadline.DeadlineEvent;
import io.keepline.contracts.topic.Topic;
import io.keepline.contracts.topic.Topics;
import io.keepline.support.kafka.KafkaClients;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Reads every catalogue topic and each operator's notice topic from the beginning,
 * read_committed (Keepline's consumer policy, {@code spring.kafka.consumer.*}), on one
 * thread of its own and hands each record to the {@link EventLog}: the line records (and
 * their tombstones) as each line's state, every event as an entry of its line's timeline.
 * No consumer group offsets are kept: each start joins a new group and the console
 * rebuilds its view.
 */
@Component
class EventFeed implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(EventFeed.class);

	private final Map<String, Topic<?, ?>> topics;

	private final KafkaClients clients;

	private final EventLog eventLog;

	private volatile KafkaConsumer<byte[], byte[]> consumer;

	private volatile Thread thread;

	EventFeed(KafkaClients clients, EventLog eventLog, ConsoleSettings settings) {
		this.clients = clients;
		this.eventLog = eventLog;
		this.topics = new HashMap<>(Topics.all()
			.stream()
			.filter((topic) -> topic != Topics.IMPORT_JOBS && topic != Topics.HOLDER_CHOICES
					&& topic != Topics.SMS_SENT)
			.collect(Collectors.toMap(Topic::name, Function.identity())));
		for (OperatorId operator : OperatorKeys.parse(settings.operatorKeys()).operators()) {
			Topic<?, ?> notices = Topics.operatorNotices(operator);
			this.topics.put(notices.name(), notices);
		}
	}

	@Override
	public void start() {
		Map<String, Object> config = this.clients.consumerProperties();
		config.put(ConsumerConfig.GROUP_ID_CONFIG, "keepline-console-" + UUID.randomUUID());
		config.put(ConsumerConfig.METADATA_MAX_AGE_CONFIG, 5000);
		this.consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
		this.consumer.subscribe(this.topics.keySet());
		this.thread = new Thread(this::run, "keepline-console-feed");
		this.thread.setDaemon(true);
		this.thread.start();
	}

	private void run() {
		try {
			while (true) {
				for (ConsumerRecord<byte[], byte[]> record : this.consumer.poll(Duration.ofMillis(500))) {
					if (record.topic().equals(Topics.LINES.name())) {
						lineRecord(record);
					}
					else {
						this.eventLog.add(entry(record));
					}
				}
			}
		}
		catch (WakeupException ex) {
			log.debug("Console feed stopped");
		}
		catch (RuntimeException ex) {
			log.error("Console feed stopped: {}", ex.toString());
		}
		finally {
			this.consumer.close(Duration.ofSeconds(2));
		}
	}

	private void lineRecord(ConsumerRecord<byte[], byte[]> record) {
		try {
			String msisdn = Topics.LINES.keySerde().deserializer().deserialize(record.topic(), record.key()).value();
			if (record.value() == null) {
				this.eventLog.erase(msisdn, Instant.ofEpochMilli(record.timestamp()));
			}
			else {
				this.eventLog
					.record(Topics.LINES.valueSerde().deserializer().deserialize(record.topic(), record.value()));
			}
		}
		catch (RuntimeException ex) {
			log.warn("Unreadable line record at {}-{}@{}: {}", record.topic(), record.partition(), record.offset(),
					ex.getClass().getSimpleName());
		}
	}

	private TimelineEntry entry(ConsumerRecord<byte[], byte[]> record) {
		Topic<?, ?> topic = this.topics.get(record.topic());
		Instant timestamp = Instant.ofEpochMilli(record.timestamp());
		if (Topics.operatorOfRaw(record.topic()).isPresent()) {
			return rawEntry(record, timestamp);
		}
		try {
			KeeplineEvent event = (KeeplineEvent) topic.valueSerde()
				.deserializer()
				.deserialize(record.topic(), record.value());
			String msisdn = msisdn(event);
			Instant at = (event.occurredAt() != null) ? event.occurredAt() : timestamp;
			return new TimelineEntry(at, record.topic(), record.partition(), record.offset(), msisdn,
					event.getClass().getSimpleName(), EventSummaries.of(event), event);
		}
		catch (RuntimeException ex) {
			return new TimelineEntry(timestamp, record.topic(), record.partition(), record.offset(), null, "unreadable",
					ex.getMessage(), null);
		}
	}

	/**
	 * The line an event is about, null for a rejection or a rejected item's notice (which
	 * may have no valid one).
	 */
	static String msisdn(KeeplineEvent event) {
		if (event instanceof LineEvent e) {
			return e.msisdn().value();
		}
		if (event instanceof DeadlineEvent e) {
			return e.msisdn().value();
		}
		if (event instanceof PaymentEvent e) {
			return e.msisdn().value();
		}
		if (event instanceof NotificationEvent e) {
			return e.msisdn().value();
		}
		if (event instanceof RejectedEvent) {
			return null;
		}
		if (event instanceof OperatorNotice n) {
			return (n.msisdn() != null) ? n.msisdn().value() : null;
		}
		throw new UnhandledTypeException(event);
	}

	private TimelineEntry rawEntry(ConsumerRecord<byte[], byte[]> record, Instant timestamp) {
		String msisdn = null;
		String type = "raw";
		try {
			JsonNode tree = EventJson.mapper().readTree(record.value());
			msisdn = tree.path("msisdn").isString() ? tree.path("msisdn").asString() : null;
			type = tree.path("type").asString("raw");
		}
		catch (RuntimeException ex) {
			log.debug("Raw operator record is not JSON: {}", ex.getMessage());
		}
		return new TimelineEntry(timestamp, record.topic(), record.partition(), record.offset(), msisdn, type,
				"sent on the Kafka-native path (validated by ingest)", null);
	}

	@Override
	public void stop() {
		KafkaConsumer<byte[], byte[]> current = this.consumer;
		Thread running = this.thread;
		if (current != null && running != null) {
			current.wakeup();
			try {
				running.join(5000);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		this.thread = null;
	}

	@Override
	public boolean isRunning() {
		return this.thread != null;
	}

}
