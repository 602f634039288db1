package io.keepline.reliability.scope;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import io.keepline.contracts.FieldError;
import io.keepline.contracts.Msisdn;
import io.keepline.contracts.OperatorId;
import io.keepline.contracts.line.LineEvent;
import io.keepline.contracts.line.LineOwner;
import io.keepline.contracts.rejected.EventRejected;
import io.keepline.contracts.rejected.IngestSource;
import io.keepline.contracts.rejected.RejectedEvent;
import io.keepline.contracts.topic.Topic;
import io.keepline.contracts.topic.Topics;
import io.keepline.ingest.ownership.OwnershipView;
import io.keepline.reliability.ReliabilityReport;
import io.keepline.reliability.Scale;
import io.keepline.reliability.ServiceRun;
import io.keepline.testsupport.KafkaCluster;
import io.keepline.testsupport.SaslKafka;
import io.keepline.testsupport.TopicProbe;
import io.keepline.testsupport.Unique;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourceType;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue #18: on the Kafka-native path the operator is the broker-authenticated principal,
 * never a header. A broker of the scenario's own runs SASL/PLAIN and KRaft's
 * StandardAuthorizer with the ACLs of docs/operations.md; ingest runs as its own
 * principal. Orange registers lines on its topic; Proximus's principal then sends every
 * event type for them on Orange's topic (the broker refuses each), and on its own topic
 * with a header and a body claiming Orange, or a header only. Nothing of it may reach
 * line-events, every record on Proximus's topic must be rejected as Proximus's, and
 * Orange's own later events must still be applied. Ingest holds exactly the ACLs the
 * document lists for it, and all three of its Streams applications must run with them.
 */
class SpoofedRawOperatorTest {

	private static final Scale SCALE = Scale.current();

	private static final int LINES = SCALE.pick(4, 100);

	private static final OperatorId ORANGE = OperatorId.of("orange");

	private static final OperatorId PROXIMUS = OperatorId.of("proximus");

	private static final String INGEST = "keepline-ingest";

	private static final String HEADER = "keepline-operator";

	private static final Duration PATIENCE = Duration.ofSeconds(60);

	private static final LocalDate VALID_UNTIL = LocalDate.now(ZoneOffset.UTC).plusDays(120);

	private static SaslKafka broker;

	private static ServiceRun ingest;

	private static TopicProbe<Msisdn, LineEvent> lineEvents;

	private static TopicProbe<OperatorId, RejectedEvent> rejectedEvents;

	@BeforeAll
	static void start() {
		broker = SaslKafka.start(
				Map.of(ORANGE.value(), "orange-secret", PROXIMUS.value(), "proximus-secret", INGEST, "ingest-secret"));
		createTopicsAhead();
		grantAsOperationsSays();
		lineEvents = TopicProbe.of(broker, Topics.LINE_EVENTS);
		rejectedEvents = TopicProbe.of(broker, Topics.REJECTED_EVENTS);
		Map<String, String> overrides = new HashMap<>(broker.as(INGEST).springProperties());
		overrides.put("keepline.ingest.raw.group-id", "keepline-ingest-raw");
		ingest = ServiceRun.ingest(broker.bootstrapServers(), overrides);
	}

	/**
	 * Every topic ingest reads or writes, created ahead by the admin as
	 * docs/operations.md says (ingest's own declaration then only describes them).
	 */
	private static void createTopicsAhead() {
		List<OperatorId> operators = List.of(ORANGE, PROXIMUS, OperatorId.of("base"));
		List<Topic<?, ?>> topics = new ArrayList<>(List.of(Topics.LINE_EVENTS, Topics.REJECTED_EVENTS, Topics.LINES,
				Topics.DEADLINE_EVENTS, Topics.PAYMENT_EVENTS, Topics.NOTIFICATION_EVENTS, Topics.IMPORT_JOBS,
				Topics.DEAD_LETTER_REPLAYS, Topics.LINE_KEYS));
		topics.addAll(Topics.operatorEventsRaw(operators));
		operators.forEach((operator) -> topics.add(Topics.operatorNotices(operator)));
		broker.createTopics(topics.toArray(Topic<?, ?>[]::new));
		List<String> deadLetters = new ArrayList<>(
				Stream.of(Topics.LINE_EVENTS, Topics.DEADLINE_EVENTS, Topics.PAYMENT_EVENTS, Topics.REJECTED_EVENTS)
					.map(Topic::deadLetter)
					.toList());
		operators.forEach((operator) -> deadLetters.add(Topics.operatorNotices(operator).deadLetter()));
		broker.createTopics(deadLetters.toArray(String[]::new));
	}

	/**
	 * The ACLs docs/operations.md gives, for orange and proximus and every one it lists
	 * for ingest (its three Streams applications, notices, imports and dead letters).
	 */
	private static void grantAsOperationsSays() {
		for (OperatorId operator : List.of(ORANGE, PROXIMUS)) {
			broker.allow(operator.value(), ResourceType.TOPIC, Topics.operatorEventsRawPrefix(operator),
					PatternType.PREFIXED, AclOperation.WRITE, AclOperation.DESCRIBE);
		}
		broker.allow(INGEST, ResourceType.TOPIC, Topics.OPERATOR_EVENTS_RAW_PREFIX, PatternType.PREFIXED,
				AclOperation.READ, AclOperation.DESCRIBE);
		broker.allow(INGEST, ResourceType.GROUP, "keepline-ingest", PatternType.PREFIXED, AclOperation.READ);
		for (Topic<?, ?> topic : List.of(Topics.LINE_EVENTS, Topics.REJECTED_EVENTS, Topics.IMPORT_JOBS)) {
			broker.allow(INGEST, ResourceType.TOPIC, topic.name(), PatternType.LITERAL, AclOperation.WRITE,
					AclOperation.READ, AclOperation.DESCRIBE);
		}
		// the keys that seal the holders' contacts: ingest adds them
		broker.allow(INGEST, ResourceType.TOPIC, Topics.LINE_KEYS.name(), PatternType.LITERAL, AclOperation.WRITE,
				AclOperation.DESCRIBE);
		broker.allow(INGEST, ResourceType.TOPIC, Topics.OPERATOR_NOTICES_PREFIX, PatternType.PREFIXED,
				AclOperation.WRITE, AclOperation.READ, AclOperation.DESCRIBE);
		for (Topic<?, ?> topic : List.of(Topics.LINES, Topics.DEADLINE_EVENTS, Topics.PAYMENT_EVENTS,
				Topics.NOTIFICATION_EVENTS)) {
			broker.allow(INGEST, ResourceType.TOPIC, topic.name(), PatternType.LITERAL, AclOperation.READ,
					AclOperation.DESCRIBE);
		}
		List<String> deadLetters = new ArrayList<>(
				Stream.of(Topics.LINE_EVENTS, Topics.DEADLINE_EVENTS, Topics.PAYMENT_EVENTS, Topics.REJECTED_EVENTS)
					.map(Topic::deadLetter)
					.toList());
		deadLetters.add(Topics.DEAD_LETTER_REPLAYS.name());
		for (String topic : deadLetters) {
			broker.allow(INGEST, ResourceType.TOPIC, topic, PatternType.LITERAL, AclOperation.WRITE, AclOperation.READ,
					AclOperation.DESCRIBE);
		}
		broker.allow(INGEST, ResourceType.TOPIC, "keepline-ingest-notices-", PatternType.PREFIXED, AclOperation.ALL);
		broker.allow(INGEST, ResourceType.TRANSACTIONAL_ID, "keepline-ingest-", PatternType.PREFIXED,
				AclOperation.WRITE, AclOperation.DESCRIBE);
	}

	@AfterAll
	static void stop() {
		if (ingest != null) {
			ingest.close();
		}
		lineEvents.close();
		rejectedEvents.close();
		broker.close();
	}

	@Test
	void aSpoofedOperatorOnTheRawPathChangesNothingOfAnotherOperatorsLines() {
		List<Msisdn> lines = IntStream.range(0, LINES).mapToObj((i) -> Unique.msisdn()).toList();
		List<LineEvent> registrations = lines.stream()
			.map((line) -> (LineEvent) OperatorEvents.registered(line, ORANGE, VALID_UNTIL))
			.toList();
		publish(broker.as(ORANGE.value()), ORANGE, registrations, null);
		await("orange's registrations on line-events and in ingest's view of owners").atMost(PATIENCE)
			.until(() -> onLineEvents(ids(registrations)) == LINES
					&& lines.stream().allMatch((line) -> LineOwner.of(ORANGE).equals(owners().owner(line))));

		List<LineEvent> onOrangesTopic = attempts(lines, PROXIMUS);
		List<LineEvent> claimingOrangeInBody = attempts(lines, ORANGE);
		List<LineEvent> claimingOrangeInHeader = attempts(lines, PROXIMUS);
		int refusedByBroker = refusedByBroker(onOrangesTopic);
		publish(broker.as(PROXIMUS.value()), PROXIMUS, claimingOrangeInBody, ORANGE);
		publish(broker.as(PROXIMUS.value()), PROXIMUS, claimingOrangeInHeader, ORANGE);
		List<EventRejected> bodyRejections = awaitRejections(claimingOrangeInBody);
		List<EventRejected> headerRejections = awaitRejections(claimingOrangeInHeader);
		Set<String> spoofed = ids(onOrangesTopic);
		spoofed.addAll(ids(claimingOrangeInBody));
		spoofed.addAll(ids(claimingOrangeInHeader));
		await("nothing spoofed on line-events").during(Duration.ofSeconds(2))
			.atMost(PATIENCE)
			.until(() -> onLineEvents(spoofed) == 0);
		int applied = onLineEvents(spoofed);
		int stillOrange = (int) lines.stream()
			.filter((line) -> LineOwner.of(ORANGE).equals(owners().owner(line)))
			.count();
		List<LineEvent> extensions = lines.stream()
			.map((line) -> (LineEvent) OperatorEvents.extended(line, ORANGE, VALID_UNTIL.plusDays(60)))
			.toList();
		publish(broker.as(ORANGE.value()), ORANGE, extensions, PROXIMUS);
		await("orange's own extensions applied").atMost(PATIENCE).until(() -> onLineEvents(ids(extensions)) == LINES);

		// the notices and the operator API, beside the line owners, run with only these
		// ACLs
		await("ingest's three Streams applications running").atMost(PATIENCE)
			.until(() -> streamsHealth().contains("\"notices\":\"RUNNING\"")
					&& streamsHealth().contains("\"operatorApi\":\"RUNNING\""));

		int attempts = onOrangesTopic.size() + claimingOrangeInBody.size() + claimingOrangeInHeader.size();
		assertThat(refusedByBroker).isEqualTo(onOrangesTopic.size());
		assertThat(bodyRejections).hasSize(claimingOrangeInBody.size())
			.allSatisfy((rejected) -> assertThat(rejected.errors()).extracting(FieldError::reason)
				.contains("operator_mismatch"));
		assertThat(headerRejections).hasSize(claimingOrangeInHeader.size())
			.allSatisfy((rejected) -> assertThat(rejected.errors())
				.containsExactly(new FieldError("msisdn", "line_of_another_operator")));
		assertThat(applied).isZero();
		assertThat(stillOrange).isEqualTo(LINES);
		ReliabilityReport.of("spoofed-raw-operator")
			.count("lines", LINES)
			.count("attempts", attempts)
			.count("refused-by-broker", refusedByBroker)
			.count("rejected-body-claims-orange", bodyRejections.size())
			.count("rejected-header-claims-orange", headerRejections.size())
			.count("applied", applied)
			.count("owners-unchanged", stillOrange)
			.count("owner-extensions-applied", LINES)
			.write();
	}

	private static String streamsHealth() throws Exception {
		return ingest.getManagement("/actuator/health").body();
	}

	/** One event of each type for each line, from {@code operator}. */
	private static List<LineEvent> attempts(List<Msisdn> lines, OperatorId operator) {
		List<LineEvent> events = new ArrayList<>();
		lines.forEach((line) -> events.addAll(OperatorEvents.everyType(line, operator, VALID_UNTIL.plusDays(30))));
		return events;
	}

	/**
	 * Proximus's principal writes each event on Orange's topic; returns how many the
	 * broker refused as not authorised.
	 */
	private static int refusedByBroker(List<LineEvent> events) {
		int refused = 0;
		Map<String, Object> properties = broker.as(PROXIMUS.value()).producerProperties();
		// each refused send fetches metadata again: without a backoff between fetches the
		// broker answers each at once
		properties.put(ProducerConfig.RETRY_BACKOFF_MS_CONFIG, 10);
		properties.put(ProducerConfig.RETRY_BACKOFF_MAX_MS_CONFIG, 10);
		properties.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
		try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(properties, new ByteArraySerializer(),
				new ByteArraySerializer())) {
			for (LineEvent event : events) {
				try {
					producer.send(record(ORANGE, event, ORANGE)).get();
				}
				catch (ExecutionException ex) {
					if (ex.getCause() instanceof TopicAuthorizationException) {
						refused++;
					}
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					throw new IllegalStateException(ex);
				}
			}
		}
		return refused;
	}

	/**
	 * {@code sender}'s principal writes {@code events} on its own topic, with a header
	 * claiming {@code claimed} unless null, and waits for the broker's acknowledgement.
	 */
	private static void publish(KafkaCluster asSender, OperatorId sender, List<LineEvent> events, OperatorId claimed) {
		try (KafkaProducer<byte[], byte[]> producer = producer(asSender)) {
			for (LineEvent event : events) {
				producer.send(record(sender, event, claimed)).get();
			}
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException("the broker refused " + sender + "'s own topic", ex.getCause());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static ProducerRecord<byte[], byte[]> record(OperatorId topicOf, LineEvent event, OperatorId claimed) {
		ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(Topics.operatorEventsRaw(topicOf).name(),
				event.msisdn().value().getBytes(StandardCharsets.UTF_8),
				OperatorEvents.json(event).getBytes(StandardCharsets.UTF_8));
		if (claimed != null) {
			record.headers().add(HEADER, claimed.value().getBytes(StandardCharsets.UTF_8));
		}
		return record;
	}

	private static KafkaProducer<byte[], byte[]> producer(KafkaCluster cluster) {
		Map<String, Object> properties = cluster.producerProperties();
		properties.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
		return new KafkaProducer<>(properties, new ByteArraySerializer(), new ByteArraySerializer());
	}

	/**
	 * Waits for one rejection of each event, every one filed under proximus from the
	 * Kafka-native path.
	 */
	private static List<EventRejected> awaitRejections(List<LineEvent> events) {
		Set<String> wanted = ids(events);
		List<EventRejected> rejections = await("a rejection of each of the " + wanted.size() + " records")
			.atMost(PATIENCE)
			.until(() -> rejectedEvents.values(EventRejected.class)
				.stream()
				.filter((rejected) -> wanted.contains(rejected.originalEventId()))
				.toList(), (found) -> found.size() >= wanted.size());
		assertThat(rejections).allSatisfy((rejected) -> {
			assertThat(rejected.operator()).isEqualTo(PROXIMUS);
			assertThat(rejected.source()).isEqualTo(IngestSource.KAFKA);
			assertThat(rejected.location()).startsWith(Topics.operatorEventsRaw(PROXIMUS).name() + "-");
		});
		return rejections;
	}

	private static Set<String> ids(List<LineEvent> events) {
		Set<String> ids = new HashSet<>();
		events.forEach((event) -> ids.add(event.eventId().toString()));
		return ids;
	}

	private static int onLineEvents(Set<String> eventIds) {
		return (int) lineEvents.values()
			.stream()
			.filter((event) -> eventIds.contains(event.eventId().toString()))
			.count();
	}

	private static OwnershipView owners() {
		return ingest.bean(OwnershipView.class);
	}

}
