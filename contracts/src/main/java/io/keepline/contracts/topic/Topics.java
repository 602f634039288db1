package io.keepline.contracts.topic;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.keepline.contracts.Msisdn;
import io.keepline.contracts.OperatorId;
import io.keepline.contracts.choice.HolderChoices;
import io.keepline.contracts.deadletter.ReplayMark;
import io.keepline.contracts.deadline.DeadlineEvent;
import io.keepline.contracts.imports.ImportJob;
import io.keepline.contracts.json.JsonEventSerde;
import io.keepline.contracts.json.ValueSerde;
import io.keepline.contracts.line.LineEvent;
import io.keepline.contracts.linekey.LineEventSerde;
import io.keepline.contracts.linekey.LineKey;
import io.keepline.contracts.linekey.LineKeyId;
import io.keepline.contracts.linekey.LineKeyring;
import io.keepline.contracts.linekey.PaymentEventSerde;
import io.keepline.contracts.linerecord.LineRecord;
import io.keepline.contracts.notice.OperatorNotice;
import io.keepline.contracts.notification.NotificationEvent;
import io.keepline.contracts.notification.SmsSent;
import io.keepline.contracts.payment.PaymentEvent;
import io.keepline.contracts.reconcile.ReconciliationCheckpoint;
import io.keepline.contracts.rejected.RejectedEvent;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * The topic catalogue: every topic Keepline uses, with its serdes, partitions and
 * retention. The only place a topic name is written. Each topic has exactly one writer,
 * named in its Javadoc, which declares it.
 */
public final class Topics {

	/**
	 * Partitions of every Keepline topic; also the parallelism of each consumer group.
	 */
	public static final int DEFAULT_PARTITIONS = 12;

	/** Serde of msisdn keys: the E.164 string. */
	public static final Serde<Msisdn> MSISDN = new ValueSerde<>(Msisdn::value, Msisdn::of);

	/** Serde of operator keys: the operator id. */
	public static final Serde<OperatorId> OPERATOR = new ValueSerde<>(OperatorId::value, OperatorId::of);

	/**
	 * Line lifecycle events validated by ingest (writer: ingest; readers: scheduler,
	 * ingest for who owns each line, payments for erasures). Kept forever: it is the
	 * system of record from which every line's state is derived.
	 */
	public static final Topic<Msisdn, LineEvent> LINE_EVENTS = new Topic<>("keepline.line-events.v1", MSISDN,
			new LineEventSerde(LineKeyring.NONE), DEFAULT_PARTITIONS, null, TopicConfig.CLEANUP_POLICY_DELETE);

	/** Serde of line keys: {@code <msisdn>/<id>}. */
	public static final Serde<LineKeyId> LINE_KEY_IDS = new ValueSerde<>(LineKeyId::value, LineKeyId::of);

	/**
	 * The keys that seal each line's holder contact on line-events and saved card on
	 * payment-events (writers: ingest and payments, a new key under a new id before each
	 * event they seal, and the scheduler, only the tombstones of an erased line's keys;
	 * reader: the scheduler, which opens the contact and the card into the line record).
	 * Compacted: a shredded key leaves the topic's bytes once the cleaner has compacted
	 * its segment, within the compaction lag both services set.
	 */
	public static final Topic<LineKeyId, LineKey> LINE_KEYS = new Topic<>("keepline.line-keys.v1", LINE_KEY_IDS,
			new JsonEventSerde<>(LineKey.class), DEFAULT_PARTITIONS, null, TopicConfig.CLEANUP_POLICY_COMPACT);

	/**
	 * Each line's current state (writer: scheduler, in the exactly-once transaction of
	 * its deadline events; readers: payments, notifier, operator API, console).
	 * Compacted: the latest record per msisdn, a tombstone once the line is erased.
	 */
	public static final Topic<Msisdn, LineRecord> LINES = new Topic<>("keepline.lines.v1", MSISDN,
			new JsonEventSerde<>(LineRecord.class), DEFAULT_PARTITIONS, null, TopicConfig.CLEANUP_POLICY_COMPACT);

	/**
	 * Which channels each line's holder stopped (writer: notifier, on a one-click
	 * unsubscribe or an SMS STOP; reader: notifier, on every instance). Compacted, keyed
	 * by msisdn; the value names the registration it belongs to, so a recycled number
	 * inherits nothing. It holds no contact.
	 */
	public static final Topic<Msisdn, HolderChoices> HOLDER_CHOICES = new Topic<>("keepline.holder-choices.v1", MSISDN,
			new JsonEventSerde<>(HolderChoices.class), DEFAULT_PARTITIONS, null, TopicConfig.CLEANUP_POLICY_COMPACT);

	/**
	 * Scheduler decisions (writer: scheduler; readers: notifier, payments, ingest for the
	 * operator notices).
	 */
	public static final Topic<Msisdn, DeadlineEvent> DEADLINE_EVENTS = new Topic<>("keepline.deadline-events.v1",
			MSISDN, new JsonEventSerde<>(DeadlineEvent.class), DEFAULT_PARTITIONS, Duration.ofDays(400),
			TopicConfig.CLEANUP_POLICY_DELETE);

	/**
	 * Pay reminders that may join others of the same holder in one message (writer and
	 * reader: notifier), keyed by a pseudonym of the holder's email address (a keyed
	 * HMAC: never the address), so that one notifier instance gathers all of one holder's
	 * reminders. Values are the deadline events as read (no contact); kept 2 days, within
	 * the erasure bound. Not in {@link #all()}: the notifier's internal repartition
	 * topic, declared by the notifier.
	 */
	public static final Topic<String, DeadlineEvent> HOLDER_REMINDERS = new Topic<>("keepline.holder-reminders.v1",
			Serdes.String(), new JsonEventSerde<>(DeadlineEvent.class), DEFAULT_PARTITIONS, Duration.ofDays(2),
			TopicConfig.CLEANUP_POLICY_DELETE);

	/**
	 * Payment outcomes (writer: payments; readers: scheduler, notifier, ingest for the
	 * operator notices). Kept forever: money must be traceable. A saved card is sealed
	 * with a line key: this serde reads it as unknown ({@link PaymentEventSerde}).
	 */
	public static final Topic<Msisdn, PaymentEvent> PAYMENT_EVENTS = new Topic<>("keepline.payment-events.v1", MSISDN,
			new PaymentEventSerde(LineKeyring.NONE), DEFAULT_PARTITIONS, null, TopicConfig.CLEANUP_POLICY_DELETE);

	/** Notification outcomes (writer: notifier; readers: audit, console). */
	public static final Topic<Msisdn, NotificationEvent> NOTIFICATION_EVENTS = new Topic<>(
			"keepline.notification-events.v1", MSISDN, new JsonEventSerde<>(NotificationEvent.class),
			DEFAULT_PARTITIONS, Duration.ofDays(400), TopicConfig.CLEANUP_POLICY_DELETE);

	/**
	 * Which notification and which record each SMS the provider accepted answers, keyed
	 * by the provider's message id (writer and reader: notifier, which fails an SMS the
	 * provider reports undelivered and hands its record to the next channel). No contact.
	 * Kept 7 days: delivery reports come within hours. Not in {@link #all()}: declared by
	 * the notifier.
	 */
	public static final Topic<String, SmsSent> SMS_SENT = new Topic<>("keepline.sms-sent.v1", Serdes.String(),
			new JsonEventSerde<>(SmsSent.class), DEFAULT_PARTITIONS, Duration.ofDays(7),
			TopicConfig.CLEANUP_POLICY_DELETE);

	/**
	 * Operator input that ingest refused, with every reason and the payload (writer:
	 * ingest; reader: ingest, which tells each operator of its own rejections, without
	 * the payload, as operator notices).
	 */
	public static final Topic<OperatorId, RejectedEvent> REJECTED_EVENTS = new Topic<>("keepline.rejected-events.v1",
			OPERATOR, new JsonEventSerde<>(RejectedEvent.class), DEFAULT_PARTITIONS, Duration.ofDays(30),
			TopicConfig.CLEANUP_POLICY_DELETE);

	/**
	 * Which dead letters were replayed (writer: each service, for the dead letters its
	 * own consumer groups parked; reader: the same service's dead-letter admin).
	 * Compacted: the latest mark per dead letter, so that "replay all" skips what was
	 * replayed, across restarts and instances. Not in {@link #all()}: an administrative
	 * topic, declared by the services that replay.
	 */
	public static final Topic<String, ReplayMark> DEAD_LETTER_REPLAYS = new Topic<>("keepline.dead-letter-replays.v1",
			Serdes.String(), new JsonEventSerde<>(ReplayMark.class), DEFAULT_PARTITIONS, null,
			TopicConfig.CLEANUP_POLICY_COMPACT);

	/**
	 * How far payments' reconciliation has read Stripe's Events API, per Stripe account
	 * (writer: payments, the one instance that reconciles; reader: payments, which also
	 * elects that instance as the consumer group member assigned its single partition).
	 * Compacted: the latest checkpoint per account. Not in {@link #all()}: an
	 * administrative topic, declared by payments.
	 */
	public static final Topic<String, ReconciliationCheckpoint> RECONCILIATION_CHECKPOINTS = new Topic<>(
			"keepline.payments-reconciliation.v1", Serdes.String(),
			new JsonEventSerde<>(ReconciliationCheckpoint.class), 1, null, TopicConfig.CLEANUP_POLICY_COMPACT);

	/**
	 * The status of each CSV import, keyed by its id (writer: ingest, at the start, every
	 * few thousand rows and at the end of an import; reader: ingest's operator API, on
	 * every instance). Compacted, and kept 30 days.
	 */
	public static final Topic<String, ImportJob> IMPORT_JOBS = new Topic<>("keepline.import-jobs.v1", Serdes.String(),
			new JsonEventSerde<>(ImportJob.class), DEFAULT_PARTITIONS, Duration.ofDays(30),
			TopicConfig.CLEANUP_POLICY_COMPACT + "," + TopicConfig.CLEANUP_POLICY_DELETE);

	/**
	 * What every operator's raw topic name starts with, for prefixed ACLs and for telling
	 * a raw topic by its name; {@link #operatorEventsRawPrefix(OperatorId)} is one
	 * operator's.
	 */
	public static final String OPERATOR_EVENTS_RAW_PREFIX = "keepline.operator-events.raw.";

	/**
	 * The name of an operator's raw topic ({@link #operatorEventsRaw(OperatorId)}): group
	 * 1 is the operator id. Also the subscription pattern of every operator's raw topic.
	 */
	public static final Pattern OPERATOR_EVENTS_RAW_PATTERN = Pattern
		.compile(Pattern.quote(OPERATOR_EVENTS_RAW_PREFIX) + "([a-z][a-z0-9-]{1,31})\\.v1");

	/**
	 * What every operator's notice topic name starts with, for prefixed ACLs;
	 * {@link #operatorNoticesPrefix(OperatorId)} is one operator's.
	 */
	public static final String OPERATOR_NOTICES_PREFIX = "keepline.operator-notices.";

	/**
	 * The name of an operator's notice topic ({@link #operatorNotices(OperatorId)}):
	 * group 1 is the operator id.
	 */
	public static final Pattern OPERATOR_NOTICES_PATTERN = Pattern
		.compile(Pattern.quote(OPERATOR_NOTICES_PREFIX) + "([a-z][a-z0-9-]{1,31})\\.v1");

	private static final Serde<OperatorNotice> NOTICES = new JsonEventSerde<>(OperatorNotice.class);

	private static final Serde<String> RAW_KEYS = Serdes.String();

	private static final Serde<byte[]> RAW_VALUES = Serdes.ByteArray();

	private Topics() {
	}

	/** Every topic in the catalogue. */
	public static List<Topic<?, ?>> all() {
		return List.of(LINE_EVENTS, LINES, DEADLINE_EVENTS, PAYMENT_EVENTS, NOTIFICATION_EVENTS, REJECTED_EVENTS,
				IMPORT_JOBS, HOLDER_CHOICES, LINE_KEYS, SMS_SENT);
	}

	/**
	 * Unvalidated events of one operator on the Kafka-native path (writer: that
	 * operator's integration, the only principal with WRITE on it; reader: ingest, which
	 * takes the operator from the topic, never from the record). Values are raw JSON
	 * bytes.
	 */
	public static Topic<String, byte[]> operatorEventsRaw(OperatorId operator) {
		return new Topic<>(OPERATOR_EVENTS_RAW_PREFIX + operator.value() + ".v1", RAW_KEYS, RAW_VALUES,
				DEFAULT_PARTITIONS, Duration.ofDays(7), TopicConfig.CLEANUP_POLICY_DELETE);
	}

	/** The raw topics of {@code operators}, in their order. */
	public static List<Topic<String, byte[]>> operatorEventsRaw(Collection<OperatorId> operators) {
		return operators.stream().map(Topics::operatorEventsRaw).toList();
	}

	/**
	 * The prefix of one operator's raw topics, for a prefixed ACL: it ends with a dot, so
	 * that {@code orange}'s does not cover {@code orange-be}'s topic.
	 */
	public static String operatorEventsRawPrefix(OperatorId operator) {
		return OPERATOR_EVENTS_RAW_PREFIX + operator.value() + ".";
	}

	/**
	 * What one operator must act on or may want to know (writer: ingest, the
	 * operator-facing service; reader: that operator only, by a prefixed ACL on
	 * {@link #operatorNoticesPrefix(OperatorId)}), keyed by msisdn (null for a rejected
	 * item). Kept 30 days: the webhook delivers it within 3 days or dead-letters it.
	 */
	public static Topic<Msisdn, OperatorNotice> operatorNotices(OperatorId operator) {
		return new Topic<>(OPERATOR_NOTICES_PREFIX + operator.value() + ".v1", MSISDN, NOTICES, DEFAULT_PARTITIONS,
				Duration.ofDays(30), TopicConfig.CLEANUP_POLICY_DELETE);
	}

	/**
	 * The prefix of one operator's notice topics, for a prefixed ACL: it ends with a dot,
	 * so that {@code orange}'s does not cover {@code orange-be}'s topic.
	 */
	public static String operatorNoticesPrefix(OperatorId operator) {
		return OPERATOR_NOTICES_PREFIX + operator.value() + ".";
	}

	/** The operator whose notice topic {@code topicName} is, if it is one. */
	public static Optional<OperatorId> operatorOfNotices(String topicName) {
		Matcher matcher = OPERATOR_NOTICES_PATTERN.matcher(topicName);
		return matcher.matches() ? Optional.of(OperatorId.of(matcher.group(1))) : Optional.empty();
	}

	/** The operator whose raw topic {@code topicName} is, if it is one. */
	public static Optional<OperatorId> operatorOfRaw(String topicName) {
		Matcher matcher = OPERATOR_EVENTS_RAW_PATTERN.matcher(topicName);
		return matcher.matches() ? Optional.of(OperatorId.of(matcher.group(1))) : Optional.empty();
	}

	/**
	 * The catalogue topic whose records a topic holds: the topic itself, or the one whose
	 * dead letters ({@code <name>-dlt}) or retries ({@code <name>-retry-N}) it holds.
	 */
	public static Optional<Topic<?, ?>> owning(String topicName) {
		Optional<Topic<?, ?>> catalogued = Stream.concat(all().stream(), Stream.of(HOLDER_REMINDERS))
			.filter((topic) -> belongs(topicName, topic.name()))
			.findFirst();
		if (catalogued.isPresent()) {
			return catalogued;
		}
		int version = topicName.indexOf(".v1");
		if (version < 0) {
			return Optional.empty();
		}
		String base = topicName.substring(0, version + ".v1".length());
		Optional<Topic<?, ?>> perOperator = operatorOfRaw(base).<Topic<?, ?>>map(Topics::operatorEventsRaw)
			.or(() -> operatorOfNotices(base).map(Topics::operatorNotices));
		return perOperator.filter((topic) -> belongs(topicName, topic.name()));
	}

	private static boolean belongs(String topicName, String catalogueName) {
		return topicName.equals(catalogueName) || topicName.startsWith(catalogueName + "-");
	}

}
