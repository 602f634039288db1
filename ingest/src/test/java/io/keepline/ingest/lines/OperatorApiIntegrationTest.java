package io.keepline.ingest.lines;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;
import io.keepline.contracts.Channel;
import io.keepline.contracts.Holder;
import io.keepline.contracts.HolderLocale;
import io.keepline.contracts.Money;
import io.keepline.contracts.Msisdn;
import io.keepline.contracts.OperatorId;
import io.keepline.contracts.deadline.DeadlineEvent;
import io.keepline.contracts.deadline.ReminderDue;
import io.keepline.contracts.deadline.ReminderTrigger;
import io.keepline.contracts.json.EventJson;
import io.keepline.contracts.line.LineEvent;
import io.keepline.contracts.line.LineRegistered;
import io.keepline.contracts.line.ReminderResendRequested;
import io.keepline.contracts.linerecord.AutoRenewal;
import io.keepline.contracts.linerecord.CycleState;
import io.keepline.contracts.linerecord.LineRecord;
import io.keepline.contracts.notification.NotificationEvent;
import io.keepline.contracts.notification.NotificationSent;
import io.keepline.contracts.payment.PaymentEvent;
import io.keepline.contracts.payment.PaymentSource;
import io.keepline.contracts.payment.PaymentSucceeded;
import io.keepline.contracts.topic.Topic;
import io.keepline.contracts.topic.Topics;
import io.keepline.ingest.ownership.OwnershipView;
import io.keepline.testsupport.KafkaCluster;
import io.keepline.testsupport.RealKafka;
import io.keepline.testsupport.TopicProbe;
import io.keepline.testsupport.Unique;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The operator API on a real broker: line records, timelines and import jobs read back
 * through ingest's global stores, each operator seeing only its own lines and imports,
 * and a resend written to line-events.
 */
@RealKafka
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "keepline.operators.keys=" + OperatorApiIntegrationTest.KEYS)
class OperatorApiIntegrationTest {

	static final OperatorId ORANGE = OperatorId.of("orange");

	static final OperatorId PROXIMUS = OperatorId.of("proximus");

	static final String ORANGE_KEY = "orange-api-key-0001";

	static final String PROXIMUS_KEY = "proximus-api-key-02";

	static final String KEYS = "orange=" + ORANGE_KEY + ",proximus=" + PROXIMUS_KEY;

	static final Duration PATIENCE = Duration.ofSeconds(30);

	static final Instant REGISTERED = Instant.parse("2026-11-01T10:00:00Z");

	static final LocalDate VALID_UNTIL = LocalDate.parse("2026-12-31");

	/** Two digits after +3246 unique to one test, so that its lines are one prefix. */
	static final AtomicInteger GROUPS = new AtomicInteger(ThreadLocalRandom.current().nextInt(10, 60));

	static KafkaCluster cluster;

	/** Payments' line data, as payments answers it to the operator's own key. */
	static HttpServer payments;

	static TopicProbe<Msisdn, LineEvent> lineEvents;

	final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@Autowired
	OwnershipView owners;

	@Autowired
	OperatorApiStores stores;

	@DynamicPropertySource
	static void stateDir(DynamicPropertyRegistry registry) throws IOException {
		Path stateDir = Files.createTempDirectory("ingest-api-it");
		payments = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		payments.createContext("/v1/lines/", (exchange) -> {
			boolean orange = ("Bearer " + ORANGE_KEY).equals(exchange.getRequestHeaders().getFirst("Authorization"));
			byte[] body = ("{\"record\": {\"holder\": {\"name\": \"Ana Peeters\", \"email\": \"ana@example.com\"}},"
					+ " \"asked\": \"" + exchange.getRequestURI().getPath() + "\"}")
				.getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().add("Content-Type", "application/json");
			exchange.sendResponseHeaders(orange ? 200 : 404, orange ? body.length : -1);
			if (orange) {
				exchange.getResponseBody().write(body);
			}
			exchange.close();
		});
		payments.start();
		registry.add("keepline.ingest.export.payments-url",
				() -> "http://127.0.0.1:" + payments.getAddress().getPort());
		registry.add("spring.kafka.streams.state-dir", stateDir::toString);
		registry.add("keepline.ingest.raw.group-id", () -> Unique.name("ingest-raw"));
	}

	@BeforeAll
	static void probes(KafkaCluster kafka) {
		cluster = kafka;
		cluster.createTopics(Topics.operatorEventsRaw(ORANGE), Topics.operatorEventsRaw(PROXIMUS), Topics.LINES,
				Topics.DEADLINE_EVENTS, Topics.PAYMENT_EVENTS, Topics.NOTIFICATION_EVENTS);
		lineEvents = TopicProbe.of(cluster, Topics.LINE_EVENTS);
	}

	@AfterAll
	static void closeProbes() {
		lineEvents.close();
		payments.stop(0);
	}

	@BeforeEach
	void storesRead() {
		await().atMost(PATIENCE).until(this.owners::ready);
		await().atMost(PATIENCE).until(() -> this.stores.state() == KafkaStreams.State.RUNNING);
	}

	@Test
	void listsOnlyTheCallingOperatorsLinesPagedInNumberOrderAndFiltered() throws Exception {
		String prefix = prefix();
		List<LineRecord> orange = new ArrayList<>();
		CycleState[] states = { CycleState.OPEN, CycleState.LAPSED, CycleState.OPEN, CycleState.RENEWED,
				CycleState.OPEN };
		for (int i = 0; i < states.length; i++) {
			orange.add(record(Msisdn.of(prefix + "0000" + i), ORANGE, states[i], VALID_UNTIL.plusMonths(i)));
		}
		List<LineRecord> proximus = List.of(record(Msisdn.of(prefix + "00005"), PROXIMUS, CycleState.OPEN, VALID_UNTIL),
				record(Msisdn.of(prefix + "00006"), PROXIMUS, CycleState.LAPSED, VALID_UNTIL));
		write(Topics.LINES, orange, LineRecord::msisdn);
		write(Topics.LINES, proximus, LineRecord::msisdn);

		await().atMost(PATIENCE)
			.untilAsserted(() -> assertThat(msisdns(
					get("/v1/lines?msisdnPrefix=%2B" + prefix.substring(1) + "&limit=2", ORANGE_KEY), ORANGE_KEY, true))
				.containsExactlyElementsOf(orange.stream().map((line) -> line.msisdn().value()).toList()));
		String byPrefix = "msisdnPrefix=%2B" + prefix.substring(1);
		assertThat(msisdns(get("/v1/lines?" + byPrefix, PROXIMUS_KEY), PROXIMUS_KEY, true))
			.containsExactly(prefix + "00005", prefix + "00006");
		assertThat(msisdns(get("/v1/lines?state=open&" + byPrefix, ORANGE_KEY), ORANGE_KEY, false))
			.containsExactly(prefix + "00000", prefix + "00002", prefix + "00004");
		assertThat(msisdns(get("/v1/lines?state=LAPSED,RENEWED&" + byPrefix, ORANGE_KEY), ORANGE_KEY, false))
			.containsExactly(prefix + "00001", prefix + "00003");
		assertThat(msisdns(get("/v1/lines?validFrom=" + VALID_UNTIL.plusMonths(1) + "&validTo="
				+ VALID_UNTIL.plusMonths(3) + "&" + byPrefix, ORANGE_KEY), ORANGE_KEY, false))
			.containsExactly(prefix + "00001", prefix + "00002", prefix + "00003");
		JsonNode first = json(get("/v1/lines?" + byPrefix, ORANGE_KEY).body()).get("lines").get(0);
		assertThat(first.get("cycleState").stringValue()).isEqualTo("OPEN");
		assertThat(first.get("validUntil").stringValue()).isEqualTo(VALID_UNTIL.toString());
		assertThat(get("/v1/lines?" + byPrefix, ORANGE_KEY).body()).doesNotContain("example.com", "Ana");
	}

	@Test
	void refusesBadFiltersNamingEachFieldAndCallsWithoutAKey() throws Exception {
		HttpResponse<String> bad = get(
				"/v1/lines?state=SLEEPING&validFrom=2026-13-01&validTo=soon&limit=0&cursor=zz&msisdnPrefix=32",
				ORANGE_KEY);

		assertThat(bad.statusCode()).isEqualTo(400);
		assertThat(bad.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		List<String> fields = new ArrayList<>();
		json(bad.body()).get("errors").forEach((error) -> fields.add(error.get("field").stringValue()));
		assertThat(fields).containsExactlyInAnyOrder("state", "validFrom", "validTo", "limit", "cursor",
				"msisdnPrefix");
		assertThat(get("/v1/lines?validFrom=2027-02-01&validTo=2027-01-01", ORANGE_KEY).body())
			.contains("validTo: before_valid_from");
		assertThat(get("/v1/lines", null).statusCode()).isEqualTo(401);
		assertThat(get("/v1/lines/%2B32470000000/timeline", "not-a-key").statusCode()).isEqualTo(401);
		assertThat(get("/v1/imports", null).statusCode()).isEqualTo(401);
	}

	@Test
	void showsALinesTimelineSinceItsRegistrationOldestFirstAndHidesItFromOtherOperators() throws Exception {
		Msisdn line = Msisdn.of(prefix() + "00001");
		write(Topics.LINE_EVENTS,
				List.of(registration(line, REGISTERED.minus(Duration.ofDays(400))), registration(line, REGISTERED)),
				LineEvent::msisdn);
		write(Topics.DEADLINE_EVENTS,
				List.of(new ReminderDue(UUID.randomUUID(), REGISTERED.plus(Duration.ofDays(1)), line, ORANGE,
						VALID_UNTIL, 30, REGISTERED.plus(Duration.ofDays(1)), ReminderTrigger.SCHEDULED,
						Money.of(1500, "EUR"), null, null)),
				DeadlineEvent::msisdn);
		write(Topics.NOTIFICATION_EVENTS,
				List.of(new NotificationSent(UUID.randomUUID(), REGISTERED.plus(Duration.ofDays(2)), line, "n-1",
						UUID.randomUUID(), Channel.EMAIL, "reminder", HolderLocale.EN, "smtp-1")),
				NotificationEvent::msisdn);
		write(Topics.PAYMENT_EVENTS,
				List.of(new PaymentSucceeded(UUID.randomUUID(), REGISTERED.plus(Duration.ofDays(3)), line, VALID_UNTIL,
						Money.of(1500, "EUR"), PaymentSource.CHECKOUT, null, "pi_1", "evt_1")),
				PaymentEvent::msisdn);
		write(Topics.LINES, List.of(record(line, ORANGE, CycleState.RENEWED, VALID_UNTIL)), LineRecord::msisdn);

		await().atMost(PATIENCE).untilAsserted(() -> {
			HttpResponse<String> timeline = get("/v1/lines/" + encoded(line) + "/timeline", ORANGE_KEY);
			assertThat(timeline.statusCode()).isEqualTo(200);
			List<String> types = new ArrayList<>();
			json(timeline.body()).get("entries").forEach((entry) -> types.add(entry.get("type").stringValue()));
			assertThat(types).containsExactly("LineRegistered", "ReminderDue", "NotificationSent", "PaymentSucceeded");
			assertThat(timeline.body()).doesNotContain("example.com", "Ana Peeters");
		});
		assertThat(get("/v1/lines/" + encoded(line) + "/timeline", PROXIMUS_KEY).statusCode()).isEqualTo(404);
		assertThat(get("/v1/lines/%2B32460999999/timeline", ORANGE_KEY).statusCode()).isEqualTo(404);
		assertThat(get("/v1/lines/0470/timeline", ORANGE_KEY).statusCode()).isEqualTo(400);
	}

	/**
	 * The holder's right of access: the line, its timeline and payments' data (asked with
	 * the operator's own key) in one JSON; another operator's line is not found.
	 */
	@Test
	void exportsEverythingHeldAboutAnOperatorsOwnLineAndNothingOfAnothersLine() throws Exception {
		Msisdn line = Msisdn.of(prefix() + "00001");
		write(Topics.LINE_EVENTS, List.of(registration(line, REGISTERED)), LineEvent::msisdn);
		write(Topics.LINES, List.of(record(line, ORANGE, CycleState.OPEN, VALID_UNTIL)), LineRecord::msisdn);

		await().atMost(PATIENCE).untilAsserted(() -> {
			HttpResponse<String> export = get("/v1/lines/" + encoded(line) + "/export", ORANGE_KEY);
			assertThat(export.statusCode()).isEqualTo(200);
			JsonNode body = json(export.body());
			assertThat(body.get("msisdn").stringValue()).isEqualTo(line.value());
			assertThat(body.get("line").get("cycleState").stringValue()).isEqualTo("OPEN");
			assertThat(body.get("timeline").get(0).get("type").stringValue()).isEqualTo("LineRegistered");
			assertThat(body.get("payments").get("record").get("holder").get("email").stringValue())
				.isEqualTo("ana@example.com");
			assertThat(body.get("payments").get("asked").stringValue())
				.isEqualTo("/v1/lines/" + line.value() + "/export");
			assertThat(body.get("unavailable").toString()).contains("scheduler: not configured");
		});
		assertThat(get("/v1/lines/" + encoded(line) + "/export", PROXIMUS_KEY).statusCode()).isEqualTo(404);
		assertThat(get("/v1/lines/" + encoded(line) + "/export", null).statusCode()).isEqualTo(401);
	}

	@Test
	void resendsThroughLineEventsOncePerHourOnlyForAnOpenCycleOfTheOperatorsOwnLine() throws Exception {
		String prefix = prefix();
		Msisdn open = Msisdn.of(prefix + "00001");
		Msisdn lapsed = Msisdn.of(prefix + "00002");
		write(Topics.LINES, List.of(record(open, ORANGE, CycleState.OPEN, VALID_UNTIL),
				record(lapsed, ORANGE, CycleState.LAPSED, VALID_UNTIL)), LineRecord::msisdn);
		await().atMost(PATIENCE)
			.until(() -> get("/v1/lines/" + encoded(lapsed) + "/timeline", ORANGE_KEY).statusCode() == 200);

		assertThat(post("/v1/lines/" + encoded(open) + "/reminders/resend", PROXIMUS_KEY).statusCode()).isEqualTo(404);
		assertThat(post("/v1/lines/" + encoded(lapsed) + "/reminders/resend", ORANGE_KEY).statusCode()).isEqualTo(409);
		HttpResponse<String> accepted = post("/v1/lines/" + encoded(open) + "/reminders/resend", ORANGE_KEY);
		assertThat(accepted.statusCode()).isEqualTo(202);
		UUID eventId = UUID.fromString(json(accepted.body()).get("eventId").stringValue());

		await().atMost(PATIENCE)
			.untilAsserted(() -> assertThat(lineEvents.values(ReminderResendRequested.class))
				.filteredOn((event) -> event.msisdn().equals(open))
				.singleElement()
				.satisfies((event) -> {
					assertThat(event.eventId()).isEqualTo(eventId);
					assertThat(event.operator()).isEqualTo(ORANGE);
					assertThat(event.validUntil()).isEqualTo(VALID_UNTIL);
				}));
		await().atMost(PATIENCE).untilAsserted(() -> {
			HttpResponse<String> again = post("/v1/lines/" + encoded(open) + "/reminders/resend", ORANGE_KEY);
			assertThat(again.statusCode()).isEqualTo(429);
			assertThat(again.headers().firstValue("Retry-After")).isPresent();
		});
		assertThat(lineEvents.values(ReminderResendRequested.class)).filteredOn((event) -> event.msisdn().equals(open))
			.hasSize(1);
	}

	@Test
	void tellsEachOperatorTheStatusOfItsOwnCsvImports() throws Exception {
		String csv = "type,eventId,msisdn,operator,validUntil\nValidityExtended," + UUID.randomUUID() + ","
				+ Unique.msisdn().value() + ",orange,2027-06-30\nValidityExtended," + UUID.randomUUID()
				+ ",not-a-number,orange,2027-06-30\n";
		HttpResponse<String> imported = this.http
			.send(request("/v1/line-events/csv", ORANGE_KEY).header("Content-Type", "text/csv")
				.POST(HttpRequest.BodyPublishers.ofString(csv))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(imported.statusCode()).isEqualTo(200);
		assertThat(json(imported.body()).get("accepted").asLong()).isEqualTo(1);
		String location = imported.headers().firstValue("Location").orElseThrow();
		String id = location.substring(location.lastIndexOf('/') + 1);

		await().atMost(PATIENCE).untilAsserted(() -> {
			JsonNode job = json(get(location, ORANGE_KEY).body());
			assertThat(job.get("state").stringValue()).isEqualTo("DONE");
			assertThat(job.get("rowsRead").asLong()).isEqualTo(2);
			assertThat(job.get("accepted").asLong()).isEqualTo(1);
			assertThat(job.get("rejected").asLong()).isEqualTo(1);
			assertThat(job.get("finishedAt").isNull()).isFalse();
		});
		assertThat(get("/v1/imports", ORANGE_KEY).body()).contains(id);
		assertThat(get("/v1/imports", PROXIMUS_KEY).body()).doesNotContain(id);
		assertThat(get(location, PROXIMUS_KEY).statusCode()).isEqualTo(404);
		assertThat(get("/v1/imports/not-an-id", ORANGE_KEY).statusCode()).isEqualTo(400);
	}

	private List<String> msisdns(HttpResponse<String> page, String key, boolean followCursor) throws Exception {
		assertThat(page.statusCode()).isEqualTo(200);
		List<String> msisdns = new ArrayList<>();
		JsonNode body = json(page.body());
		body.get("lines").forEach((line) -> msisdns.add(line.get("msisdn").stringValue()));
		JsonNode next = body.get("nextCursor");
		if (followCursor && next != null && !next.isNull()) {
			String uri = page.request().uri().toString().replaceAll("&cursor=[^&]*", "");
			msisdns.addAll(
					msisdns(get(uri.substring(uri.indexOf("/v1/")) + "&cursor=" + next.stringValue(), key), key, true));
		}
		return msisdns;
	}

	private static String prefix() {
		return "+3246" + GROUPS.getAndIncrement();
	}

	private static String encoded(Msisdn msisdn) {
		return "%2B" + msisdn.value().substring(1);
	}

	private static Holder holder() {
		return new Holder("Ana Peeters", "ana@example.com", null, (URI) null, HolderLocale.EN,
				ZoneId.of("Europe/Brussels"));
	}

	private static LineRecord record(Msisdn msisdn, OperatorId operator, CycleState state, LocalDate validUntil) {
		return new LineRecord(msisdn, operator, operator + "-prepaid-15", validUntil, state, Money.of(1500, "EUR"),
				AutoRenewal.OFF, holder(), REGISTERED, REGISTERED);
	}

	private static LineRegistered registration(Msisdn msisdn, Instant at) {
		return new LineRegistered(UUID.randomUUID(), at, msisdn, ORANGE, "orange-prepaid-15", VALID_UNTIL,
				Money.of(1500, "EUR"), holder(), null, false);
	}

	private static <V> void write(Topic<Msisdn, V> topic, List<? extends V> values,
			java.util.function.Function<V, Msisdn> key) {
		try (KafkaProducer<Msisdn, V> producer = new KafkaProducer<>(cluster.producerProperties(),
				topic.keySerde().serializer(), topic.valueSerde().serializer())) {
			for (V value : values) {
				producer.send(new ProducerRecord<>(topic.name(), key.apply(value), value));
			}
		}
	}

	private HttpResponse<String> get(String path, String key) throws Exception {
		return this.http.send(request(path, key).GET().build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> post(String path, String key) throws Exception {
		return this.http.send(request(path, key).POST(HttpRequest.BodyPublishers.noBody()).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	private HttpRequest.Builder request(String path, String key) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.timeout(Duration.ofSeconds(30));
		return (key != null) ? request.header("Authorization", "Bearer " + key) : request;
	}

	private static JsonNode json(String body) {
		return EventJson.mapper().readTree(body);
	}

}
