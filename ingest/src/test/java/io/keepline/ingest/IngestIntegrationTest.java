package io.keepline.ingest;

import org.apache.kafka.common.config.TopicConfig;

import io.keepline.contracts.topic.Topic;

import io.keepline.contracts.linekey.StoredKeyring;

import io.keepline.contracts.linekey.LineKeyring;

import io.keepline.contracts.linekey.LineKeyId;

import io.keepline.contracts.linekey.LineKey;

import io.keepline.contracts.linekey.LineEventSerde;

import io.keepline.contracts.linekey.DataKey;

import java.time.Clock;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import io.keepline.contracts.FieldError;
import io.keepline.contracts.Msisdn;
import io.keepline.contracts.OperatorId;
import io.keepline.contracts.json.EventJson;
import io.keepline.contracts.line.LineEvent;
import io.keepline.contracts.line.LineRegistered;
import io.keepline.contracts.line.ValidityExtended;
import io.keepline.contracts.rejected.EventRejected;
import io.keepline.contracts.rejected.IngestSource;
import io.keepline.contracts.rejected.RejectedEvent;
import io.keepline.contracts.topic.Topics;
import io.keepline.ingest.ownership.OwnershipView;
import io.keepline.ingest.validation.Samples;
import io.keepline.testsupport.KafkaCluster;
import io.keepline.testsupport.RealKafka;
import io.keepline.testsupport.TopicProbe;
import io.keepline.testsupport.Unique;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Ingest as deployed, on a real broker: HTTP batches and CSV imports end up on
 * line-events and rejected-events as the wire format says.
 */
@RealKafka
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "keepline.operators.keys=" + IngestIntegrationTest.KEYS,
				"keepline.ingest.requests.operators.base=2", "keepline.ingest.requests.body-wait=3s" })
class IngestIntegrationTest {

	static final OperatorId ORANGE = OperatorId.of("orange");

	static final OperatorId PROXIMUS = OperatorId.of("proximus");

	static final String ORANGE_KEY = "orange-it-key-00001";

	static final String PROXIMUS_KEY = "proximus-it-key-02";

	/** Base's key, used only to go over base's rate (2 requests a second). */
	static final String BASE_KEY = "base-it-key-000003";

	static final String KEYS = "orange=" + ORANGE_KEY + ",proximus=" + PROXIMUS_KEY + ",base=" + BASE_KEY;

	static final Duration PATIENCE = Duration.ofSeconds(30);

	static TopicProbe<Msisdn, LineEvent> lineEvents;

	static TopicProbe<io.keepline.contracts.OperatorId, RejectedEvent> rejectedEvents;

	static TopicProbe<String, String> rawLineEvents;

	static TopicProbe<LineKeyId, LineKey> lineKeys;

	/** The data key of ingest's tests (src/test/resources/application.properties). */
	static final String DATA_KEY = "a2VlcGxpbmUtdGVzdC1vbmx5LWRhdGEta2V5LTAwMDE=";

	static KafkaCluster cluster;

	final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@LocalManagementPort
	int managementPort;

	@Autowired
	MeterRegistry registry;

	@Autowired
	OwnershipView owners;

	@DynamicPropertySource
	static void groups(DynamicPropertyRegistry registry) throws IOException {
		registry.add("keepline.ingest.raw.group-id", () -> Unique.name("ingest-raw"));
		Path stateDir = Files.createTempDirectory("ingest-it");
		registry.add("spring.kafka.streams.state-dir", stateDir::toString);
	}

	@BeforeEach
	void ownersKnown() {
		await().atMost(PATIENCE).until(this.owners::ready);
	}

	@BeforeAll
	static void probes(KafkaCluster kafka) {
		cluster = kafka;
		cluster.createTopics(Topics.operatorEventsRaw(ORANGE), Topics.operatorEventsRaw(PROXIMUS),
				Topics.operatorEventsRaw(OperatorId.of("base")));
		lineKeys = TopicProbe.of(cluster, Topics.LINE_KEYS);
		LineKeyring keyring = new StoredKeyring(IngestIntegrationTest::latestKey, DataKey.of(DATA_KEY),
				Clock.systemUTC(), PATIENCE);
		lineEvents = TopicProbe.of(cluster, new Topic<>(Topics.LINE_EVENTS.name(), Topics.LINE_EVENTS.keySerde(),
				new LineEventSerde(keyring), Topics.DEFAULT_PARTITIONS, null, TopicConfig.CLEANUP_POLICY_DELETE));
		rejectedEvents = TopicProbe.of(cluster, Topics.REJECTED_EVENTS);
		rawLineEvents = TopicProbe.raw(cluster, Topics.LINE_EVENTS.name());
	}

	/** The line key under {@code id} as the key topic has it now. */
	static LineKey latestKey(LineKeyId id) {
		return lineKeys.records()
			.stream()
			.filter((record) -> record.key().equals(id))
			.map(ConsumerRecord::value)
			.reduce((first, second) -> second)
			.orElse(null);
	}

	@AfterAll
	static void closeProbes() {
		lineEvents.close();
		rejectedEvents.close();
		rawLineEvents.close();
		lineKeys.close();
	}

	@Test
	void publishesAcceptedEventsKeyedByMsisdnAndRejectedOnesOnlyToRejectedEvents() throws Exception {
		Msisdn first = Unique.msisdn();
		Msisdn second = Unique.msisdn();
		Msisdn bad = Unique.msisdn();
		ObjectNode registered = withFreshId(Samples.lineRegistered(first.value()));
		ObjectNode extended = withFreshId(Samples.validityExtended());
		extended.put("msisdn", second.value());
		ObjectNode broken = withFreshId(Samples.validityExtended());
		broken.put("msisdn", bad.value());
		broken.put("validUntil", "2099-01-01");

		HttpResponse<String> response = postJson("[" + registered + "," + extended + "," + broken + "]");

		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode body = EventJson.mapper().readTree(response.body());
		assertThat(body.get("accepted").intValue()).isEqualTo(2);
		assertThat(body.at("/results/2/errors/0/reason").stringValue()).isEqualTo("too_far_ahead");
		await().atMost(PATIENCE).until(() -> keyed(first).size() == 1 && keyed(second).size() == 1);
		ConsumerRecord<Msisdn, LineEvent> record = keyed(first).get(0);
		LineEvent expected = EventJson.read(registered, LineEvent.class).receivedAt(record.value().occurredAt());
		assertThat(record.value()).isEqualTo(expected).isInstanceOf(LineRegistered.class);
		assertThat(keyed(second).get(0).value()).isInstanceOf(ValidityExtended.class);
		JsonNode wire = rawJson(registered.get("eventId").stringValue());
		assertThat(wire.get("type").stringValue()).isEqualTo("LineRegistered");
		assertThat(wire.get("msisdn").stringValue()).isEqualTo(first.value());
		assertThat(wire.at("/renewalPrice/amountCents").intValue()).isEqualTo(1500);
		assertThat(wire.at("/holder/timeZone").stringValue()).isEqualTo("Asia/Shanghai");
		assertThat(wire.at("/holder/sealed/keyId").isString()).as("the contact is sealed").isTrue();
		assertThat(wire.get("holder").has("email")).isFalse();
		assertThat(wire.toString()).doesNotContain(registered.at("/holder/email").stringValue(),
				registered.at("/holder/name").stringValue());
		await().atMost(PATIENCE).until(() -> rejected(broken.get("eventId").stringValue()).size() == 1);
		EventRejected rejection = rejected(broken.get("eventId").stringValue()).get(0);
		assertThat(rejection.source()).isEqualTo(IngestSource.HTTP);
		assertThat(rejection.location()).isEqualTo("index 2");
		assertThat(rejection.payload()).contains(bad.value());
		assertThat(keyed(bad)).as("a rejected event never reaches line-events").isEmpty();
	}

	@Test
	void streamsAHundredThousandRowCsvThroughWithoutHoldingTheBody() throws Exception {
		int rows = 100_000;
		int base = ThreadLocalRandom.current().nextInt(9_000_000);
		double before = csvAccepted();
		GeneratedCsv csv = new GeneratedCsv(rows, base, () -> csvAccepted() >= before + 1_000);

		HttpResponse<String> response = this.http
			.send(request("/v1/line-events/csv", "text/csv").POST(HttpRequest.BodyPublishers.ofInputStream(() -> csv))
				.build(), HttpResponse.BodyHandlers.ofString());

		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		JsonNode summary = EventJson.mapper().readTree(response.body());
		assertThat(summary.get("rows").longValue()).isEqualTo(rows);
		assertThat(summary.get("accepted").longValue()).isEqualTo(rows);
		assertThat(csv.serverWorkedWhileStreaming())
			.as("the server committed rows before the client had sent half of the body")
			.isTrue();
		Msisdn last = Msisdn.of(GeneratedCsv.msisdn(base, rows - 1));
		await().atMost(PATIENCE).until(() -> keyed(last).size() == 1);
	}

	@Test
	void validatesRawOperatorRecordsInOneTransactionAndNeverStopsOnBadInput() {
		Msisdn first = Unique.msisdn();
		Msisdn later = Unique.msisdn();
		ObjectNode valid = withFreshId(Samples.lineRegistered(first.value()));
		ObjectNode foreign = withFreshId(Samples.lineErased()).put("operator", "proximus");
		String garbage = "{not json " + UUID.randomUUID();
		ObjectNode claimsProximus = withFreshId(Samples.lineErased()).put("operator", "proximus");
		ObjectNode afterwards = withFreshId(Samples.validityExtended()).put("msisdn", later.value());
		try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(cluster.producerProperties(),
				new ByteArraySerializer(), new ByteArraySerializer())) {
			producer.send(raw(valid.toString(), "orange"));
			producer.send(raw(foreign.toString(), "orange"));
			producer.send(raw(garbage, "orange"));
			producer.send(raw(claimsProximus.toString(), "orange", "proximus"));
			producer.send(raw(afterwards.toString(), "orange"));
		}

		await().atMost(PATIENCE).until(() -> keyed(first).size() == 1 && keyed(later).size() == 1);
		assertThat(keyed(first).get(0).value())
			.isEqualTo(EventJson.read(valid, LineEvent.class).receivedAt(keyed(first).get(0).value().occurredAt()));
		await().atMost(PATIENCE).until(() -> rejected(foreign.get("eventId").stringValue()).size() == 1);
		EventRejected mismatch = rejected(foreign.get("eventId").stringValue()).get(0);
		assertThat(mismatch.source()).isEqualTo(IngestSource.KAFKA);
		assertThat(mismatch.errors()).extracting(FieldError::reason).containsExactly("operator_mismatch");
		assertThat(mismatch.payload()).isEqualTo(foreign.toString());
		assertThat(mismatch.location()).startsWith(Topics.operatorEventsRaw(ORANGE).name() + "-");
		EventRejected unparseable = rejectedWithPayload(garbage);
		assertThat(unparseable.errors()).extracting(FieldError::reason).containsExactly("malformed_json");
		await().atMost(PATIENCE).until(() -> rejected(claimsProximus.get("eventId").stringValue()).size() == 1);
		EventRejected claimingProximus = rejected(claimsProximus.get("eventId").stringValue()).get(0);
		assertThat(claimingProximus.operator()).isEqualTo(ORANGE);
		assertThat(claimingProximus.errors()).extracting(FieldError::reason).containsExactly("operator_mismatch");
	}

	@Test
	void refusesAnotherOperatorsEventsForARegisteredLineOnEveryPath() throws Exception {
		Msisdn line = Unique.msisdn();
		ObjectNode registered = withFreshId(Samples.lineRegistered(line.value()));
		assertThat(postJson("[" + registered + "]").body()).contains("\"accepted\":1");
		await().atMost(PATIENCE).until(() -> this.owners.owner(line) != null);
		ObjectNode cancel = withFreshId(Samples.lineCancelled()).put("msisdn", line.value())
			.put("operator", "proximus");
		ObjectNode update = withFreshId(Samples.holderUpdated()).put("msisdn", line.value())
			.put("operator", "proximus");

		HttpResponse<String> response = this.http.send(request("/v1/line-events", "application/json", PROXIMUS_KEY)
			.POST(HttpRequest.BodyPublishers.ofString("[" + cancel + "]"))
			.build(), HttpResponse.BodyHandlers.ofString());
		try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(cluster.producerProperties(),
				new ByteArraySerializer(), new ByteArraySerializer())) {
			producer.send(raw(update.toString(), "proximus"));
		}

		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode body = EventJson.mapper().readTree(response.body());
		assertThat(body.at("/results/0/errors").toString())
			.isEqualTo("[{\"field\":\"msisdn\",\"reason\":\"line_of_another_operator\"}]");
		await().atMost(PATIENCE).until(() -> rejected(update.get("eventId").stringValue()).size() == 1);
		EventRejected rawRefusal = rejected(update.get("eventId").stringValue()).get(0);
		assertThat(rawRefusal.source()).isEqualTo(IngestSource.KAFKA);
		assertThat(rawRefusal.operator().value()).isEqualTo("proximus");
		assertThat(rawRefusal.errors()).containsExactly(new FieldError("msisdn", "line_of_another_operator"));
		assertThat(rejected(cancel.get("eventId").stringValue())).hasSize(1);
		assertThat(keyed(line)).extracting((record) -> record.value().operator().value()).containsExactly("orange");
		assertThat(this.owners.owner(line).operator().value()).isEqualTo("orange");
	}

	@Test
	void saysInItsReadinessThatLineOwnersAreKnown() throws Exception {
		HttpResponse<String> readiness = this.http.send(management("/actuator/health/readiness").build(),
				HttpResponse.BodyHandlers.ofString());

		assertThat(readiness.statusCode()).isEqualTo(200);
		JsonNode health = EventJson.mapper().readTree(readiness.body());
		assertThat(health.at("/status").stringValue()).isEqualTo("UP");
		assertThat(health.at("/components/streams/status").stringValue()).isEqualTo("UP");
		assertThat(health.at("/components/streams/details/lines").longValue()).isNotNegative();
	}

	static EventRejected rejectedWithPayload(String payload) {
		return await().atMost(PATIENCE)
			.until(() -> rejectedEvents.values(EventRejected.class)
				.stream()
				.filter((event) -> payload.equals(event.payload()))
				.findFirst(), Optional::isPresent)
			.get();
	}

	/**
	 * A record on {@code operator}'s raw topic, with a header claiming
	 * {@code claimedInHeader} when not null (ingest must ignore it).
	 */
	static ProducerRecord<byte[], byte[]> raw(String json, String operator, String claimedInHeader) {
		ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(
				Topics.operatorEventsRaw(OperatorId.of(operator)).name(), null, json.getBytes(StandardCharsets.UTF_8));
		if (claimedInHeader != null) {
			record.headers().add("keepline-operator", claimedInHeader.getBytes(StandardCharsets.UTF_8));
		}
		return record;
	}

	static ProducerRecord<byte[], byte[]> raw(String json, String operator) {
		return raw(json, operator, null);
	}

	@Test
	void describesTheApiAndExposesCounters() throws Exception {
		HttpResponse<String> docs = this.http.send(request("/v3/api-docs", "application/json").GET().build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(docs.statusCode()).isEqualTo(200);
		assertThat(docs.body()).contains("/v1/line-events", "/v1/line-events/csv", "operator_mismatch",
				"LineRegistered");

		postJson("[" + withFreshId(Samples.lineErased()).put("msisdn", Unique.msisdn().value()) + "]");
		HttpResponse<String> metrics = this.http.send(management("/actuator/prometheus").build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(metrics.body()).contains("keepline_ingest_events_total{").contains("outcome=\"accepted\"");
	}

	@Test
	void answersA10MebibyteBodyItRefusesInsteadOfResettingTheConnection() throws Exception {
		byte[] body = ("[{\"pad\": \"" + "x".repeat(10 * 1024 * 1024) + "\"}]").getBytes(StandardCharsets.UTF_8);
		for (int attempt = 1; attempt <= 5; attempt++) {
			HttpResponse<String> tooLarge = this.http
				.send(request("/v1/line-events", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(body))
					.build(), HttpResponse.BodyHandlers.ofString());
			HttpResponse<String> unauthorized = this.http
				.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/v1/line-events/csv"))
					.header("Content-Type", "text/csv")
					.POST(HttpRequest.BodyPublishers.ofByteArray(body))
					.build(), HttpResponse.BodyHandlers.ofString());

			assertThat(tooLarge.statusCode()).isEqualTo(413);
			assertThat(tooLarge.body()).contains("larger than 1048576 bytes");
			assertThat(unauthorized.statusCode()).isEqualTo(401);
		}
	}

	@Test
	void refusesAnOperatorOverItsRateWith429AndRetryAfterWhileOthersGoOn() throws Exception {
		HttpResponse<String> refused = null;
		for (int attempt = 0; attempt < 50 && refused == null; attempt++) {
			HttpResponse<String> response = this.http.send(request("/v1/line-events", "application/json", BASE_KEY)
				.POST(HttpRequest.BodyPublishers.ofString("[]"))
				.build(), HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() == 429) {
				refused = response;
			}
			else {
				assertThat(response.statusCode()).isEqualTo(200);
			}
		}

		assertThat(refused).as("a request over base's rate").isNotNull();
		assertThat(refused.headers().firstValue("Retry-After")).contains("1");
		assertThat(refused.body()).contains("\"status\":429", "over its request rate");
		assertThat(postJson("[]").statusCode()).isEqualTo(200);
		await().atMost(PATIENCE)
			.until(() -> this.http
				.send(request("/v1/line-events", "application/json", BASE_KEY)
					.POST(HttpRequest.BodyPublishers.ofString("[]"))
					.build(), HttpResponse.BodyHandlers.ofString())
				.statusCode() == 200);
	}

	@Test
	void dropsAClientThatTricklesItsBodyWithoutReadingTheRest() throws Exception {
		try (RawHttpClient client = RawHttpClient.post(this.port, "/v1/line-events", "Authorization: Bearer "
				+ ORANGE_KEY + "\r\nContent-Type: application/json\r\n" + "Content-Length: 100000\r\n")) {
			client.trickle(" ", Duration.ofMillis(50));

			String answer = client.readUntilClosed();

			assertThat(answer).startsWith("HTTP/1.1 408").contains("too slowly");
			assertThat(client.sent()).as("the body was still coming").isLessThan(100_000);
		}
	}

	@Test
	void answersARefusedTricklingBodyAndStopsReadingIt() throws Exception {
		try (RawHttpClient client = RawHttpClient.post(this.port, "/v1/line-events",
				"Authorization: Bearer not-a-key\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n")) {
			client.trickle(" ", Duration.ofMillis(50));

			String answer = client.readUntilClosed();

			assertThat(answer).startsWith("HTTP/1.1 401");
			assertThat(client.sent()).as("the body was still coming").isLessThan(100_000);
		}
	}

	@Test
	void readsOnlyABoundedPartOfAnEndlessBodyAfterRefusingIt() throws Exception {
		try (RawHttpClient client = RawHttpClient.post(this.port, "/v1/line-events", "Authorization: Bearer "
				+ ORANGE_KEY + "\r\nContent-Type: application/json\r\n" + "Transfer-Encoding: chunked\r\n")) {
			byte[] chunk = new byte[64 * 1024];
			Arrays.fill(chunk, (byte) ' ');
			client.flood(chunk);

			String answer = client.readUntilClosed();

			assertThat(answer).startsWith("HTTP/1.1 413").contains("larger than 1048576 bytes");
			await("the server to stop reading").atMost(PATIENCE).until(() -> client.sendFailure() != null);
			assertThat(client.sent()).isLessThan(64L * 1024 * 1024);
		}
	}

	static List<ConsumerRecord<Msisdn, LineEvent>> keyed(Msisdn msisdn) {
		return lineEvents.records().stream().filter((record) -> msisdn.equals(record.key())).toList();
	}

	static List<EventRejected> rejected(String originalEventId) {
		return rejectedEvents.values(EventRejected.class)
			.stream()
			.filter((event) -> originalEventId.equals(event.originalEventId()))
			.toList();
	}

	static JsonNode rawJson(String eventId) {
		await().atMost(PATIENCE)
			.until(() -> rawLineEvents.values().stream().anyMatch((value) -> value.contains(eventId)));
		return EventJson.mapper()
			.readTree(rawLineEvents.values().stream().filter((value) -> value.contains(eventId)).findFirst().get());
	}

	static ObjectNode withFreshId(ObjectNode item) {
		return item.put("eventId", UUID.randomUUID().toString());
	}

	double csvAccepted() {
		return this.registry.find("keepline.ingest.events")
			.tags("source", "csv", "outcome", "accepted")
			.counters()
			.stream()
			.mapToDouble((counter) -> counter.count())
			.sum();
	}

	HttpResponse<String> postJson(String body) throws IOException, InterruptedException {
		return this.http.send(request("/v1/line-events", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	@Test
	void servesActuatorOnTheManagementPortOnly() throws Exception {
		for (String path : List.of("/actuator/health", "/actuator/prometheus")) {
			await(path + " on the management port").atMost(PATIENCE)
				.until(() -> this.http.send(management(path).build(), HttpResponse.BodyHandlers.discarding())
					.statusCode() == 200);
			assertThat(this.http
				.send(request(path, "application/json").GET().build(), HttpResponse.BodyHandlers.ofString())
				.statusCode()).as("%s on the public port", path).isEqualTo(404);
		}
	}

	HttpRequest.Builder management(String path) {
		return HttpRequest.newBuilder(URI.create("http://localhost:" + this.managementPort + path))
			.timeout(Duration.ofMinutes(2));
	}

	HttpRequest.Builder request(String path, String contentType) {
		return request(path, contentType, ORANGE_KEY);
	}

	HttpRequest.Builder request(String path, String contentType, String key) {
		return HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.header("Content-Type", contentType)
			.header("Authorization", "Bearer " + key)
			.timeout(Duration.ofMinutes(2));
	}

}
