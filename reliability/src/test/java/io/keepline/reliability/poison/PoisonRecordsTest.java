package io.keepline.reliability.poison;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.function.Predicate;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.keepline.contracts.Msisdn;
import io.keepline.contracts.auth.OperatorKeys;
import io.keepline.contracts.deadline.DeadlineEvent;
import io.keepline.contracts.deadline.RenewalConfirmed;
import io.keepline.contracts.line.LineEvent;
import io.keepline.contracts.linerecord.LineRecord;
import io.keepline.contracts.payment.PaymentEvent;
import io.keepline.contracts.payment.PaymentSource;
import io.keepline.contracts.payment.PaymentSucceeded;
import io.keepline.contracts.rejected.EventRejected;
import io.keepline.contracts.rejected.RejectedEvent;
import io.keepline.contracts.topic.Topic;
import io.keepline.contracts.topic.Topics;
import io.keepline.notifier.delivery.LineLookup;
import io.keepline.payments.line.LineRecordLookup;
import io.keepline.payments.line.PaymentHistory;
import io.keepline.payments.view.PaymentsStores;
import io.keepline.reliability.LineRecords;
import io.keepline.reliability.ReliabilityReport;
import io.keepline.reliability.Scale;
import io.keepline.reliability.ServiceRun;
import io.keepline.reliability.Steady;
import io.keepline.reliability.poison.DeadLetters.Written;
import io.keepline.standalone.FreePorts;
import io.keepline.testsupport.GroupOffsets;
import io.keepline.testsupport.KafkaCluster;
import io.keepline.testsupport.RealKafka;
import io.keepline.testsupport.TopicProbe;
import io.keepline.testsupport.Unique;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue #7: a poison record on every consumed topic. With ingest, scheduler, notifier and
 * payments running on the shared broker, every kind of {@link Poison} is written ahead of
 * a good record into one partition of each topic a service consumes; each consumer must
 * dead-letter each poison (ingest's raw path: reject it to rejected-events, by design),
 * go on, and process the good record after it.
 */
@RealKafka
class PoisonRecordsTest {

	private static final int ROUNDS = Scale.current().pick(1, 10);

	private static final Duration PATIENCE = Duration.ofSeconds(60);

	private static final String SCHEDULER_ID = Unique.name("scheduler");

	private static final String NOTIFIER_GROUP = Unique.name("notifier");

	private static final String CARD_CODES_GROUP = NOTIFIER_GROUP + "-card-codes";

	private static final String PAYMENTS_GROUP = Unique.name("payments");

	/** Ingest's notices application: its consumer group, named by its dead letters. */
	private static final String NOTICES_ID = Unique.name("ingest-notices");

	/**
	 * The application id of payments' line-payments Streams application, recorded as the
	 * consumer group of its dead letters.
	 */
	private static final String VIEW_ID = Unique.name("payments") + "-view";

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

	private static LineRecords lines;

	@BeforeAll
	static void startServices(KafkaCluster cluster) {
		cluster.createTopics(Topics.all().toArray(Topic[]::new));
		cluster.createTopics(Topics.operatorEventsRaw(OperatorKeys.parse(ServiceRun.OPERATOR_KEYS).operators())
			.toArray(Topic[]::new));
		smtp = new GreenMail(new ServerSetup(FreePorts.find(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
		smtp.start();
		String servers = cluster.bootstrapServers();
		List<ServiceRun> services = ServiceRun.together(List.of(
				() -> ServiceRun.ingest(servers, Map.of("keepline.ingest.notices.application-id", NOTICES_ID)),
				() -> ServiceRun.scheduler(servers, state.resolve("scheduler"),
						Map.of("spring.kafka.streams.application-id", SCHEDULER_ID)),
				() -> ServiceRun.notifier(servers, "127.0.0.1", smtp.getSmtp().getPort(),
						Map.of("keepline.notifier.group-id", NOTIFIER_GROUP, "keepline.notifier.retry.attempts", "3")),
				() -> ServiceRun.payments(servers, state.resolve("payments"),
						Map.of("keepline.payments.mode", "sandbox", "keepline.payments.group-id", PAYMENTS_GROUP,
								"spring.kafka.streams.application-id", VIEW_ID))));
		ingest = services.get(0);
		scheduler = services.get(1);
		notifier = services.get(2);
		payments = services.get(3);
		lineEvents = TopicProbe.of(cluster, Topics.LINE_EVENTS);
		deadlineEvents = TopicProbe.of(cluster, Topics.DEADLINE_EVENTS);
		paymentEvents = TopicProbe.of(cluster, Topics.PAYMENT_EVENTS);
		rejectedEvents = TopicProbe.of(cluster, Topics.REJECTED_EVENTS);
		lines = new LineRecords(cluster);
		deadLetters = new DeadLetters(cluster, Topics.LINE_EVENTS.deadLetter(), Topics.PAYMENT_EVENTS.deadLetter(),
				Topics.DEADLINE_EVENTS.deadLetter(), Topics.REJECTED_EVENTS.deadLetter());
	}

	@AfterAll
	static void stopServices() {
		lines.close();
		deadLetters.close();
		List.of(lineEvents, deadlineEvents, paymentEvents, rejectedEvents).forEach(TopicProbe::close);
		List.of(payments, notifier, scheduler, ingest).forEach(ServiceRun::close);
		smtp.stop();
	}

	@Test
	void deadLettersEveryPoisonRecordAndProcessesTheRecordAfterIt(KafkaCluster cluster) throws Exception {
		Instant started = Instant.now();
		Set<String> retryTopics = new TreeSet<>(ConsumedTopics.of(notifier));
		retryTopics.remove(Topics.DEADLINE_EVENTS.name());
		retryTopics.remove(Topics.LINES.name());
		retryTopics.remove(Topics.PAYMENT_EVENTS.name());
		// the holders' choices, a global store: its poisons are not written yet, as for
		// the
		// other global stores (issue 22)
		retryTopics.remove(Topics.HOLDER_CHOICES.name());
		// the SMS sent, by message id, a global store too (issue 22)
		retryTopics.remove(Topics.SMS_SENT.name());
		// the notifier's own repartition of pay reminders for digests (issue 20): written
		// only by the notifier; an unreadable record is dead-lettered at once
		// (DigestIntegrationTest)
		retryTopics.remove(Topics.HOLDER_REMINDERS.name());
		assertEveryConsumerIsCovered(retryTopics);
		List<Round> rounds = new ArrayList<>();
		try (PoisonWriter writer = new PoisonWriter(cluster)) {
			for (int i = 0; i < ROUNDS; i++) {
				rounds.add(writeRound(writer, retryTopics));
			}
			await("the lines registered through line-events").atMost(PATIENCE)
				.until(() -> rounds.stream().allMatch((round) -> registered(round.line())));
			for (Round round : rounds) {
				round.written()
					.addAll(writer.poisonThenGood(Topics.PAYMENT_EVENTS.name(), round.line(), Events::paymentEventJson,
							Events.paymentSucceeded(round.line()), PaymentEvent.class));
				round.written().addAll(writer.rejectedPoisonThenGood(Events.rejected()));
			}
		}

		TopicConsumer<EventRejected> ingesting = new TopicConsumer<>(Topics.operatorEventsRaw(Events.ORANGE).name(),
				"ingest", rounds, PoisonRecordsTest::rejections,
				(round) -> lineEvents.records().stream().anyMatch((r) -> round.raw().equals(r.key())));
		List<TopicConsumer<ConsumerRecord<String, String>>> deadLettering = deadLetteringConsumers(rounds, retryTopics);
		// the notifier reads payment-events for card-code requests only: it has processed
		// the good records once its group committed past them
		Map<TopicPartition, Long> paymentEventsEnd = GroupOffsets.endOffsets(cluster, Topics.PAYMENT_EVENTS);
		deadLettering.add(deadLettering(Topics.PAYMENT_EVENTS.name(), "notifier", CARD_CODES_GROUP, rounds,
				(round) -> committedUpTo(cluster, CARD_CODES_GROUP, paymentEventsEnd)));
		// ingest's notices: every topic they read, processed once their group committed
		// past the good records
		Map<TopicPartition, Long> noticesEnd = new HashMap<>();
		for (Topic<?, ?> topic : List.of(Topics.LINE_EVENTS, Topics.DEADLINE_EVENTS, Topics.PAYMENT_EVENTS,
				Topics.REJECTED_EVENTS)) {
			noticesEnd.putAll(GroupOffsets.endOffsets(cluster, topic));
		}
		Predicate<Round> noticesPast = (round) -> committedUpTo(cluster, NOTICES_ID, noticesEnd);
		for (Topic<?, ?> topic : List.of(Topics.LINE_EVENTS, Topics.DEADLINE_EVENTS, Topics.PAYMENT_EVENTS)) {
			deadLettering.add(deadLettering(topic.name(), "ingest-notices", NOTICES_ID, rounds, noticesPast));
		}
		deadLettering
			.add(deadLettering(Topics.REJECTED_EVENTS.name(), "ingest-notices", NOTICES_ID, rounds, noticesPast)
				.skipping(Poison.KEY_OF_ANOTHER_LINE));
		List<TopicConsumer<?>> consumers = new ArrayList<>(deadLettering);
		consumers.add(0, ingesting);
		await("every poison handled and every good record after it processed").atMost(PATIENCE)
			.ignoreExceptions()
			.untilAsserted(() -> assertThat(missing(consumers)).as(deadLetters.describe()).isEmpty());
		await("no more dead letters or rejections").during(Duration.ofSeconds(2))
			.atMost(PATIENCE)
			.until(Steady.count(() -> consumers.stream().mapToInt(TopicConsumer::handled).sum()));

		ReliabilityReport report = ReliabilityReport.of("poison-records").count("rounds", ROUNDS);
		ingesting.assertAndReport("rejected",
				(poison, rejected) -> assertThat(rejected.errors()).as("reasons of %s", poison)
					.contains(poison.kind().rawRejection()),
				report);
		deadLettering.forEach((consumer) -> consumer.assertAndReport("dead-lettered", (poison,
				deadLetter) -> assertThat(DeadLetters.exception(deadLetter)).as("exception of %s", poison).isNotBlank(),
				report));
		assertThat(List.of(ingest, scheduler, notifier, payments)).allMatch(ServiceRun::healthy);
		report.count("duration-seconds", Duration.between(started, Instant.now()).toSeconds()).write();
	}

	/**
	 * Every consumer that dead-letters, with the consumer group its dead letters name and
	 * the effect of the good record after the poisons.
	 */
	private static List<TopicConsumer<ConsumerRecord<String, String>>> deadLetteringConsumers(List<Round> rounds,
			Set<String> retryTopics) {
		List<TopicConsumer<ConsumerRecord<String, String>>> consumers = new ArrayList<>();
		consumers.add(deadLettering(Topics.LINE_EVENTS.name(), "scheduler", SCHEDULER_ID, rounds,
				(round) -> registered(round.line())));
		consumers.add(deadLettering(Topics.PAYMENT_EVENTS.name(), "scheduler", SCHEDULER_ID, rounds,
				(round) -> deadlineEvents.values(RenewalConfirmed.class)
					.stream()
					.anyMatch((event) -> event.msisdn().equals(round.line()))));
		consumers.add(deadLettering(Topics.PAYMENT_EVENTS.name(), "payments-view", VIEW_ID, rounds,
				(round) -> view(round.line()).filter((view) -> !view.payments().isEmpty()).isPresent())
			.skipping(Poison.KEY_OF_ANOTHER_LINE));
		consumers.add(deadLettering(Topics.DEADLINE_EVENTS.name(), "notifier", NOTIFIER_GROUP, rounds,
				(round) -> emailed(round.deadline())));
		consumers.add(deadLettering(Topics.DEADLINE_EVENTS.name(), "payments", PAYMENTS_GROUP, rounds,
				(round) -> paymentEvents.values(PaymentSucceeded.class)
					.stream()
					.anyMatch((event) -> event.msisdn().equals(round.deadline())
							&& event.source() == PaymentSource.AUTO_RENEWAL)));
		for (String retryTopic : retryTopics) {
			// spring-kafka gives each retry topic a group of its own: the main group and
			// the topic's suffix
			String group = NOTIFIER_GROUP + retryTopic.substring(Topics.DEADLINE_EVENTS.name().length());
			consumers.add(deadLettering(retryTopic, "notifier", group, rounds,
					(round) -> emailed(round.retried().get(retryTopic))));
		}
		return consumers;
	}

	private static TopicConsumer<ConsumerRecord<String, String>> deadLettering(String topic, String consumer,
			String group, List<Round> rounds, Predicate<Round> processed) {
		return new TopicConsumer<>(topic, consumer, rounds, (poison) -> deadLetters.of(poison, group), processed);
	}

	/** Ingest's rejections of a poison on the raw topic, found by where it was read. */
	private static List<EventRejected> rejections(Written poison) {
		String location = poison.topic() + "-" + poison.partition() + "@" + poison.offset();
		return rejectedEvents.values(EventRejected.class)
			.stream()
			.filter((event) -> location.equals(event.location()))
			.toList();
	}

	/**
	 * What each consumer still misses: poisons not handled, rounds whose good record is
	 * not processed.
	 */
	private static Map<String, List<Object>> missing(List<TopicConsumer<?>> consumers) {
		Map<String, List<Object>> missing = new LinkedHashMap<>();
		for (TopicConsumer<?> consumer : consumers) {
			List<Object> items = consumer.missing();
			if (!items.isEmpty()) {
				missing.put(consumer.name(), items);
			}
		}
		return missing;
	}

	private static void assertEveryConsumerIsCovered(Set<String> retryTopics) {
		List<String> ingestTopics = new ArrayList<>(
				Topics.operatorEventsRaw(OperatorKeys.parse(ServiceRun.OPERATOR_KEYS).operators())
					.stream()
					.map(Topic::name)
					.toList());
		// its view of the lines' owners, a global store; its notices
		ingestTopics.addAll(List.of(Topics.LINE_EVENTS.name(), Topics.DEADLINE_EVENTS.name(),
				Topics.PAYMENT_EVENTS.name(), Topics.REJECTED_EVENTS.name()));
		// the operator API: global stores on every instance, which skip an unreadable
		// record (logged) that the topic's acting consumers dead-letter once; their
		// poisons are not written yet, as for the other global stores (issue 22)
		ingestTopics.addAll(List.of(Topics.LINES.name(), Topics.NOTIFICATION_EVENTS.name(), Topics.IMPORT_JOBS.name()));
		assertThat(ConsumedTopics.of(ingest)).containsExactlyInAnyOrderElementsOf(ingestTopics);
		// and the line keys that open sealed contacts, a global store: its poisons are
		// not
		// written yet, as for the other global stores (issue 22)
		assertThat(ConsumedTopics.of(scheduler)).containsExactlyInAnyOrder(Topics.LINE_EVENTS.name(),
				Topics.PAYMENT_EVENTS.name(), Topics.LINE_KEYS.name());
		// payments reads line-events for erasures only (issue 16), and reconciliation's
		// checkpoint topic to elect the instance that reconciles (a checkpoint it cannot
		// read is skipped, logged; its poisons are not written yet: issue 22)
		assertThat(ConsumedTopics.of(payments)).containsExactlyInAnyOrder(Topics.DEADLINE_EVENTS.name(),
				Topics.PAYMENT_EVENTS.name(), Topics.LINES.name(), Topics.LINE_EVENTS.name(),
				Topics.RECONCILIATION_CHECKPOINTS.name());
		assertThat(ConsumedTopics.of(notifier)).contains(Topics.DEADLINE_EVENTS.name(), Topics.LINES.name(),
				Topics.PAYMENT_EVENTS.name(), Topics.HOLDER_CHOICES.name(), Topics.SMS_SENT.name(),
				Topics.HOLDER_REMINDERS.name());
		assertThat(retryTopics).as("the notifier's other topics: its retry topics")
			.isNotEmpty()
			.allSatisfy((topic) -> assertThat(topic).startsWith(Topics.DEADLINE_EVENTS.name() + "-retry"));
	}

	/**
	 * Writes one round: the poisons and then a good record into one partition of every
	 * topic but payment-events (whose good record needs the line registered first).
	 */
	private static Round writeRound(PoisonWriter writer, Set<String> retryTopics) {
		Round round = new Round(Unique.msisdn(), Unique.msisdn(), Unique.msisdn(), new LinkedHashMap<>(),
				new ArrayList<>());
		for (String retryTopic : retryTopics) {
			round.retried().put(retryTopic, Unique.msisdn());
		}
		// the deadline events' lines are not registered: their records are written as
		// the scheduler would have, for the notifier and payments to act on the good ones
		// (the deadline line's record shows the card its AutoRenewalDue charges: payments
		// charges no card the record does not show)
		List<LineRecord> deadlineLines = new ArrayList<>();
		round.retried()
			.values()
			.forEach((msisdn) -> deadlineLines
				.add(LineRecords.openFor(Events.reminderDue(msisdn), Events.holder(email(msisdn)))));
		deadlineLines.add(LineRecords.openWithCardFor(Events.reminderDue(round.deadline()),
				Events.holder(email(round.deadline()))));
		lines.write(deadlineLines, notifier.bean(LineLookup.class)::find, payments.bean(LineRecordLookup.class)::find);
		round.written().addAll(writer.rawPoisonThenGood(Events.lineRegistered(round.raw(), email(round.raw()))));
		round.written()
			.addAll(writer.poisonThenGood(Topics.LINE_EVENTS.name(), round.line(), Events::lineEventJson,
					Events.lineRegistered(round.line(), email(round.line())), LineEvent.class));
		round.written()
			.addAll(writer.poisonThenGood(Topics.DEADLINE_EVENTS.name(), round.deadline(), Events::deadlineEventJson,
					Events.reminderDue(round.deadline()), DeadlineEvent.class));
		writer.good(Topics.DEADLINE_EVENTS.name(), round.deadline(), Events.autoRenewalDue(round.deadline()),
				DeadlineEvent.class);
		round.retried()
			.forEach((retryTopic, retried) -> round.written()
				.addAll(writer.poisonThenGood(retryTopic, retried, Events::deadlineEventJson,
						Events.reminderDue(retried), DeadlineEvent.class)));
		return round;
	}

	private static boolean committedUpTo(KafkaCluster cluster, String group, Map<TopicPartition, Long> ends) {
		try {
			return GroupOffsets.committedUpTo(cluster, group, ends);
		}
		catch (ExecutionException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
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

	private static Optional<PaymentHistory> view(Msisdn msisdn) {
		return payments.bean(PaymentsStores.class).history(msisdn);
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

}
