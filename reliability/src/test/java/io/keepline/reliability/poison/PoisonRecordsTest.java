package io.keepline.reliability.poison;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Predicate;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.keepline.contracts.Msisdn;
import io.keepline.contracts.deadline.DeadlineEvent;
import io.keepline.contracts.deadline.RenewalConfirmed;
import io.keepline.contracts.json.EventJson;
import io.keepline.contracts.line.LineEvent;
import io.keepline.contracts.payment.PaymentEvent;
import io.keepline.contracts.payment.PaymentSource;
import io.keepline.contracts.payment.PaymentSucceeded;
import io.keepline.contracts.rejected.EventRejected;
import io.keepline.contracts.rejected.RejectedEvent;
import io.keepline.contracts.topic.Topic;
import io.keepline.contracts.topic.Topics;
import io.keepline.payments.view.LineView;
import io.keepline.payments.view.LineViews;
import io.keepline.reliability.ReliabilityReport;
import io.keepline.reliability.Scale;
import io.keepline.reliability.ServiceRun;
import io.keepline.reliability.Steady;
import io.keepline.reliability.poison.DeadLetters.Written;
import io.keepline.standalone.FreePorts;
import io.keepline.testsupport.KafkaCluster;
import io.keepline.testsupport.RealKafka;
import io.keepline.testsupport.TopicProbe;
import io.keepline.testsupport.Unique;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue #7: a poison record on every consumed topic. With ingest, scheduler, notifier and
 * payments running on the shared broker, every kind of {@link Poison} is written ahead of
 * a good record into one partition of each topic a service consumes; each consumer must
 * dead-letter each poison (ingest: reject it to rejected-events, by design), go on, and
 * process the good record after it.
 */
@RealKafka
class PoisonRecordsTest {

	private static final int ROUNDS = Scale.current().pick(1, 10);

	private static final Duration PATIENCE = Duration.ofSeconds(60);

	private static final String SCHEDULER_ID = Unique.name("scheduler");

	private static final String NOTIFIER_GROUP = Unique.name("notifier");

	private static final String PAYMENTS_GROUP = Unique.name("payments");

	private static final String PAYMENTS_ID = Unique.name("payments");

	/** The application id of payments' line-view Streams application. */
	private static final String VIEW_ID = PAYMENTS_ID + "-view";

	private static final String[] ORANGE_KEY = { "Authorization", "Bearer reliability-orange-key" };

	@TempDir
	static Path state;

	private static GreenMail smtp;

	private static ServiceRun ingest;

	private static ServiceRun scheduler;

	private static ServiceRun notifier;

	private static ServiceRun payments;

	private static TopicProbe<Msisdn, LineEvent> lineEvents;

	private static TopicProbe<Msisdn, DeadlineEvent> deadlineEvents;

	private static TopicProbe<Msisdn, PaymentEvent> paymentEvents;

	private static TopicProbe<?, RejectedEvent> rejectedEvents;

	private static DeadLetters deadLetters;

	@BeforeAll
	static void startServices(KafkaCluster cluster) {
		cluster.createTopics(Topics.all().toArray(Topic[]::new));
		smtp = new GreenMail(new ServerSetup(FreePorts.find(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
		smtp.start();
		String servers = cluster.bootstrapServers();
		List<ServiceRun> services = ServiceRun.together(List.of(() -> ServiceRun.ingest(servers, Map.of()),
				() -> ServiceRun.scheduler(servers, state.resolve("scheduler"),
						Map.of("keepline.scheduler.application-id", SCHEDULER_ID)),
				() -> ServiceRun.notifier(servers, "127.0.0.1", smtp.getSmtp().getPort(),
						Map.of("keepline.notifier.group-id", NOTIFIER_GROUP, "keepline.notifier.retry.attempts", "3")),
				() -> ServiceRun.payments(servers, state.resolve("payments"),
						Map.of("keepline.payments.mode", "sandbox", "keepline.payments.group-id", PAYMENTS_GROUP,
								"keepline.payments.application-id", PAYMENTS_ID))));
		ingest = services.get(0);
		scheduler = services.get(1);
		notifier = services.get(2);
		payments = services.get(3);
		lineEvents = TopicProbe.of(cluster, Topics.LINE_EVENTS);
		deadlineEvents = TopicProbe.of(cluster, Topics.DEADLINE_EVENTS);
		paymentEvents = TopicProbe.of(cluster, Topics.PAYMENT_EVENTS);
		rejectedEvents = TopicProbe.of(cluster, Topics.REJECTED_EVENTS);
		deadLetters = new DeadLetters(cluster, Topics.LINE_EVENTS.deadLetter(), Topics.PAYMENT_EVENTS.deadLetter(),
				Topics.DEADLINE_EVENTS.deadLetter());
	}

	@AfterAll
	static void stopServices() {
		deadLetters.close();
		List.of(lineEvents, deadlineEvents, paymentEvents, rejectedEvents).forEach(TopicProbe::close);
		List.of(payments, notifier, scheduler, ingest).forEach(ServiceRun::close);
		smtp.stop();
	}

	@Test
	void deadLettersEveryPoisonRecordAndProcessesTheRecordAfterIt(KafkaCluster cluster) {
		Instant started = Instant.now();
		Set<String> retryTopics = new TreeSet<>(ConsumedTopics.of(notifier));
		retryTopics.remove(Topics.DEADLINE_EVENTS.name());
		assertEveryConsumerIsCovered(retryTopics);
		List<Round> rounds = new ArrayList<>();
		try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(cluster.producerProperties(),
				new ByteArraySerializer(), new ByteArraySerializer())) {
			for (int i = 0; i < ROUNDS; i++) {
				rounds.add(writeRound(producer, retryTopics));
			}
			await("the lines registered through line-events").atMost(PATIENCE)
				.ignoreExceptions()
				.until(() -> rounds.stream().allMatch((round) -> registered(round.line())));
			for (Round round : rounds) {
				round.written()
					.addAll(poison(producer, Topics.PAYMENT_EVENTS.name(), round.line(), Events::paymentEventJson,
							Events.paymentSucceeded(round.line()), PaymentEvent.class));
			}
		}

		Map<String, Pair> pairs = new LinkedHashMap<>();
		pair(pairs, rounds, Topics.OPERATOR_EVENTS_RAW.name(), "ingest", null,
				(round) -> lineEvents.records().stream().anyMatch((r) -> round.raw().equals(r.key())));
		pair(pairs, rounds, Topics.LINE_EVENTS.name(), "scheduler", SCHEDULER_ID, (round) -> registered(round.line()));
		pair(pairs, rounds, Topics.PAYMENT_EVENTS.name(), "scheduler", SCHEDULER_ID,
				(round) -> deadlineEvents.values(RenewalConfirmed.class)
					.stream()
					.anyMatch((event) -> event.msisdn().equals(round.line())));
		pair(pairs, rounds, Topics.PAYMENT_EVENTS.name(), "payments-view", VIEW_ID,
				(round) -> view(round.line()).filter((view) -> !view.payments().isEmpty()).isPresent());
		pair(pairs, rounds, Topics.DEADLINE_EVENTS.name(), "notifier", NOTIFIER_GROUP,
				(round) -> emailed(round.deadline()));
		pair(pairs, rounds, Topics.DEADLINE_EVENTS.name(), "payments", PAYMENTS_GROUP,
				(round) -> paymentEvents.values(PaymentSucceeded.class)
					.stream()
					.anyMatch((event) -> event.msisdn().equals(round.deadline())
							&& event.source() == PaymentSource.AUTO_RENEWAL));
		pair(pairs, rounds, Topics.DEADLINE_EVENTS.name(), "payments-view", VIEW_ID,
				(round) -> view(round.deadline()).filter((view) -> !view.cycles().isEmpty()).isPresent());
		for (String retryTopic : retryTopics) {
			// spring-kafka gives each retry topic its own group: the main group and the
			// topic's suffix
			String group = NOTIFIER_GROUP + retryTopic.substring(Topics.DEADLINE_EVENTS.name().length());
			pair(pairs, rounds, retryTopic, "notifier", group, (round) -> emailed(round.retried().get(retryTopic)));
		}
		await("every poison handled and every good record after it processed").atMost(PATIENCE)
			.ignoreExceptions()
			.untilAsserted(() -> assertThat(missing(pairs)).as(deadLetters.describe()).isEmpty());
		await("no more dead letters or rejections").during(Duration.ofSeconds(2))
			.atMost(PATIENCE)
			.until(Steady.count(() -> pairs.values().stream().mapToInt(Pair::handledCopies).sum()));

		ReliabilityReport report = ReliabilityReport.of("poison-records").count("rounds", ROUNDS);
		pairs.forEach((name, pair) -> pair.assertHandledOnceAndReport(name, report));
		assertThat(List.of(ingest, scheduler, notifier, payments)).allMatch(ServiceRun::healthy);
		report.count("duration-seconds", Duration.between(started, Instant.now()).toSeconds()).write();
	}

	/**
	 * What each pair still misses: poisons not handled, rounds whose good record is not
	 * processed.
	 */
	private static Map<String, List<Object>> missing(Map<String, Pair> pairs) {
		Map<String, List<Object>> missing = new LinkedHashMap<>();
		pairs.forEach((name, pair) -> {
			if (!pair.missing().isEmpty()) {
				missing.put(name, pair.missing());
			}
		});
		return missing;
	}

	private static void assertEveryConsumerIsCovered(Set<String> retryTopics) {
		assertThat(ConsumedTopics.of(ingest)).containsExactly(Topics.OPERATOR_EVENTS_RAW.name());
		assertThat(ConsumedTopics.of(scheduler)).containsExactlyInAnyOrder(Topics.LINE_EVENTS.name(),
				Topics.PAYMENT_EVENTS.name());
		assertThat(ConsumedTopics.of(payments)).containsExactlyInAnyOrder(Topics.DEADLINE_EVENTS.name(),
				Topics.PAYMENT_EVENTS.name());
		assertThat(retryTopics).as("the notifier's other topics: its retry topics")
			.isNotEmpty()
			.allSatisfy((topic) -> assertThat(topic).startsWith(Topics.DEADLINE_EVENTS.name() + "-retry"));
	}

	/**
	 * Writes one round: the poisons and then a good record into one partition of every
	 * topic but payment-events (whose good record needs the line registered first).
	 */
	private static Round writeRound(KafkaProducer<byte[], byte[]> producer, Set<String> retryTopics) {
		Round round = new Round(Unique.msisdn(), Unique.msisdn(), Unique.msisdn(), new LinkedHashMap<>(),
				new ArrayList<>());
		int rawPartition = partition(round.raw());
		for (Poison kind : Poison.values()) {
			round.written()
				.add(send(producer, kind, kind.rawRecord(Topics.OPERATOR_EVENTS_RAW.name(), rawPartition,
						Events.lineEventJson(Unique.msisdn()))));
		}
		ProducerRecord<byte[], byte[]> raw = new ProducerRecord<>(Topics.OPERATOR_EVENTS_RAW.name(), rawPartition, null,
				Poison.bytes(Events.tree(Events.lineRegistered(round.raw(), email(round.raw())), LineEvent.class)
					.toString()));
		raw.headers().add(Topics.OPERATOR_HEADER, Poison.bytes(Events.ORANGE.value()));
		send(producer, null, raw);
		round.written()
			.addAll(poison(producer, Topics.LINE_EVENTS.name(), round.line(), Events::lineEventJson,
					Events.lineRegistered(round.line(), email(round.line())), LineEvent.class));
		round.written()
			.addAll(poison(producer, Topics.DEADLINE_EVENTS.name(), round.deadline(), Events::deadlineEventJson,
					Events.reminderDue(round.deadline(), email(round.deadline())), DeadlineEvent.class));
		send(producer, null, good(Topics.DEADLINE_EVENTS.name(), Events.autoRenewalDue(round.deadline()),
				round.deadline(), DeadlineEvent.class));
		for (String retryTopic : retryTopics) {
			Msisdn retried = Unique.msisdn();
			round.retried().put(retryTopic, retried);
			round.written()
				.addAll(poison(producer, retryTopic, retried, Events::deadlineEventJson,
						Events.reminderDue(retried, email(retried)), DeadlineEvent.class));
		}
		return round;
	}

	/**
	 * Writes every poison into the partition of {@code goodKey}, then the good event
	 * keyed by it; returns where the poisons landed.
	 */
	private static List<Written> poison(KafkaProducer<byte[], byte[]> producer, String topic, Msisdn goodKey,
			Function<Msisdn, ObjectNode> wellFormed, Object goodEvent, Class<?> type) {
		int partition = partition(goodKey);
		List<Written> written = Arrays.stream(Poison.values())
			.map((kind) -> send(producer, kind, kind.record(topic, partition, wellFormed)))
			.toList();
		Written good = send(producer, null, good(topic, goodEvent, goodKey, type));
		assertThat(good.partition()).as("the good record follows the poisons in their partition").isEqualTo(partition);
		return written;
	}

	private static ProducerRecord<byte[], byte[]> good(String topic, Object event, Msisdn key, Class<?> type) {
		return new ProducerRecord<>(topic, Poison.bytes(key.value()), EventJson.write(event, type));
	}

	private static Written send(KafkaProducer<byte[], byte[]> producer, Poison kind,
			ProducerRecord<byte[], byte[]> record) {
		try {
			RecordMetadata metadata = producer.send(record).get(30, TimeUnit.SECONDS);
			return new Written(kind, metadata.topic(), metadata.partition(), metadata.offset());
		}
		catch (Exception ex) {
			throw new IllegalStateException("could not write to " + record.topic(), ex);
		}
	}

	/** The partition Kafka's default partitioner gives an msisdn key. */
	private static int partition(Msisdn key) {
		return Utils.toPositive(Utils.murmur2(Poison.bytes(key.value()))) % Topics.DEFAULT_PARTITIONS;
	}

	private static void pair(Map<String, Pair> pairs, List<Round> rounds, String topic, String consumer, String group,
			Predicate<Round> processed) {
		List<Written> poisons = rounds.stream()
			.flatMap((round) -> round.written().stream())
			.filter((written) -> written.topic().equals(topic))
			.toList();
		pairs.put(topic + " / " + consumer, new Pair(poisons, group, rounds, processed));
	}

	/** Whether the scheduler's read API knows the line. */
	private static boolean registered(Msisdn msisdn) {
		try {
			return scheduler.get("/v1/lines/" + msisdn.value(), ORANGE_KEY).statusCode() == 200;
		}
		catch (IOException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	private static Optional<LineView> view(Msisdn msisdn) {
		return payments.bean(LineViews.class).find(msisdn);
	}

	private static boolean emailed(Msisdn msisdn) {
		return Arrays.stream(smtp.getReceivedMessages()).anyMatch((message) -> to(message).equals(email(msisdn)));
	}

	private static String to(MimeMessage message) {
		try {
			return message.getRecipients(Message.RecipientType.TO)[0].toString();
		}
		catch (MessagingException ex) {
			return "?";
		}
	}

	/** The holder address of a line of the scenario. */
	private static String email(Msisdn msisdn) {
		return "holder" + msisdn.value().substring(1) + "@example.com";
	}

	/**
	 * One round's lines: {@code raw} sent on the raw topic, {@code line} registered on
	 * line-events and paid on payment-events, {@code deadline} reminded and charged on
	 * deadline-events, one line per notifier retry topic; and the poisons written.
	 */
	record Round(Msisdn raw, Msisdn line, Msisdn deadline, Map<String, Msisdn> retried, List<Written> written) {

		@Override
		public String toString() {
			return "good records of line " + this.line;
		}

	}

	/**
	 * A (topic, consumer) pair: the poisons written to the topic, the consumer group
	 * whose dead letters answer them (none: ingest's rejections), and how to see that a
	 * round's good record was processed.
	 */
	private record Pair(List<Written> poisons, String group, List<Round> rounds, Predicate<Round> processed) {

		/**
		 * The poisons not handled yet, and the rounds whose good record is not processed.
		 */
		List<Object> missing() {
			List<Object> missing = new ArrayList<>();
			this.poisons.stream().filter((poison) -> handledCopies(poison) == 0).forEach(missing::add);
			this.rounds.stream().filter(this.processed.negate()).forEach(missing::add);
			return missing;
		}

		int handledCopies() {
			return this.poisons.stream().mapToInt(this::handledCopies).sum();
		}

		private int handledCopies(Written poison) {
			if (this.group == null) {
				return rejections(poison).size();
			}
			return deadLetters.of(poison, this.group).size();
		}

		private List<EventRejected> rejections(Written poison) {
			String location = poison.topic() + "-" + poison.partition() + "@" + poison.offset();
			return rejectedEvents.values(EventRejected.class)
				.stream()
				.filter((event) -> location.equals(event.location()))
				.toList();
		}

		void assertHandledOnceAndReport(String name, ReliabilityReport report) {
			for (Written poison : this.poisons) {
				if (this.group == null) {
					assertThat(rejections(poison)).as("%s: rejection of %s", name, poison)
						.singleElement()
						.satisfies((rejected) -> assertThat(rejected.errors()).contains(poison.kind().rawRejection()));
				}
				else {
					assertThat(deadLetters.of(poison, this.group)).as("%s: dead letter of %s", name, poison)
						.singleElement()
						.satisfies((deadLetter) -> assertThat(DeadLetters.exception(deadLetter)).isNotBlank());
				}
			}
			long processed = this.rounds.stream().filter(this.processed).count();
			assertThat(processed).as("%s: good records processed after the poisons", name).isEqualTo(ROUNDS);
			report.count(name + ": poison written", this.poisons.size())
				.count(name + ": " + ((this.group != null) ? "dead-lettered" : "rejected"), handledCopies())
				.count(name + ": good processed after", processed);
		}

	}

}
