package io.keepline.ingest.notice;

import java.time.Clock;
import java.time.Duration;
import java.util.Set;

import io.keepline.contracts.KeeplineEvent;
import io.keepline.contracts.Msisdn;
import io.keepline.contracts.OperatorId;
import io.keepline.contracts.UnhandledTypeException;
import io.keepline.contracts.deadline.DeadlineEvent;
import io.keepline.contracts.json.JsonEventSerde;
import io.keepline.contracts.line.LineEvent;
import io.keepline.contracts.notice.OperatorNotice;
import io.keepline.contracts.notification.NotificationEvent;
import io.keepline.contracts.payment.PaymentEvent;
import io.keepline.contracts.topic.KeyMismatchException;
import io.keepline.contracts.topic.Topic;
import io.keepline.contracts.topic.Topics;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.processor.TopicNameExtractor;
import org.apache.kafka.streams.state.Stores;

/**
 * The operator notices' Kafka Streams topology: line-events, deadline-events,
 * payment-events and notification-events (co-partitioned by msisdn; records keyed
 * otherwise refused) into one processor with each line's notice state and the index of
 * paid renewals awaiting their top-up (RocksDB, changelogged); rejected-events turned
 * into notices without their payload; each notice written to its operator's topic only.
 */
public final class NoticeTopology {

	static final String LINES_STORE = "notices-lines";

	static final String INDEX_STORE = "notices-awaiting-top-up";

	/** The value serde of every operator's notice topic. */
	private static final Serde<OperatorNotice> NOTICES = new JsonEventSerde<>(OperatorNotice.class);

	private NoticeTopology() {
	}

	/**
	 * What the topology runs with: the operators that have a notice topic, the top-up
	 * bound, the look for overdue top-ups, the clock and the meters.
	 */
	record Setup(Set<OperatorId> operators, Duration topUpBound, Duration punctuationInterval, int maxPerPunctuation,
			Clock clock, NoticeMetrics metrics) {

		Setup {
			operators = Set.copyOf(operators);
		}

	}

	static void define(StreamsBuilder builder, Setup setup) {
		builder.addStateStore(
				Stores
					.keyValueStoreBuilder(Stores.persistentKeyValueStore(LINES_STORE), Topics.MSISDN,
							new JsonEventSerde<>(NoticeLine.class))
					.withCachingEnabled());
		builder.addStateStore(Stores
			.keyValueStoreBuilder(Stores.persistentKeyValueStore(INDEX_STORE), Serdes.Bytes(), Serdes.ByteArray())
			.withCachingEnabled());
		KStream<Msisdn, KeeplineEvent> lines = input(builder, Topics.LINE_EVENTS, "line-events");
		KStream<Msisdn, KeeplineEvent> deadlines = input(builder, Topics.DEADLINE_EVENTS, "deadline-events");
		KStream<Msisdn, KeeplineEvent> payments = input(builder, Topics.PAYMENT_EVENTS, "payment-events");
		KStream<Msisdn, KeeplineEvent> notifications = input(builder, Topics.NOTIFICATION_EVENTS,
				"notification-events");
		KStream<Msisdn, OperatorNotice> notices = lines.merge(deadlines, Named.as("lines-and-deadlines"))
			.merge(payments, Named.as("inputs"))
			.merge(notifications, Named.as("inputs-and-notifications"))
			.process(() -> new NoticeProcessor(setup), Named.as("notice-rules"), LINES_STORE, INDEX_STORE);
		KStream<Msisdn, OperatorNotice> rejected = builder
			.stream(Topics.REJECTED_EVENTS.name(),
					Consumed.with(Topics.REJECTED_EVENTS.keySerde(), Topics.REJECTED_EVENTS.valueSerde())
						.withName("rejected-events"))
			.filter((operator, event) -> event != null && setup.operators().contains(event.operator()),
					Named.as("rejected-of-known-operators"))
			.map((operator, event) -> KeyValue.pair((Msisdn) null, (OperatorNotice) NoticeRules.rejected(event)),
					Named.as("rejected-notice"));
		TopicNameExtractor<Msisdn, OperatorNotice> ownTopic = (msisdn, notice,
				context) -> Topics.operatorNotices(notice.operator()).name();
		notices.to(ownTopic, Produced.with(Topics.MSISDN, NOTICES).withName("operator-notices"));
		rejected.to(ownTopic, Produced.with(Topics.MSISDN, NOTICES).withName("operator-rejections"));
	}

	private static <E extends KeeplineEvent> KStream<Msisdn, KeeplineEvent> input(StreamsBuilder builder,
			Topic<Msisdn, E> topic, String name) {
		return builder.stream(topic.name(), Consumed.with(topic.keySerde(), topic.valueSerde()).withName(name))
			.mapValues((key, event) -> keyed(key, event), Named.as(name + "-keyed"));
	}

	/**
	 * The event of a record keyed by its msisdn; a record keyed otherwise is refused with
	 * a {@link KeyMismatchException} (dead-lettered by the application's handler).
	 */
	private static KeeplineEvent keyed(Msisdn key, KeeplineEvent event) {
		if (event != null) {
			KeyMismatchException.check(key, msisdnOf(event));
		}
		return event;
	}

	private static Msisdn msisdnOf(KeeplineEvent event) {
		if (event instanceof LineEvent e) {
			return e.msisdn();
		}
		if (event instanceof DeadlineEvent e) {
			return e.msisdn();
		}
		if (event instanceof PaymentEvent e) {
			return e.msisdn();
		}
		if (event instanceof NotificationEvent e) {
			return e.msisdn();
		}
		throw new UnhandledTypeException(event);
	}

	/** The topology on its own, for tests. */
	static Topology build(Setup setup) {
		StreamsBuilder builder = new StreamsBuilder();
		define(builder, setup);
		return builder.build();
	}

}
