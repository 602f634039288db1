package io.keepline.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;

import com.sun.net.httpserver.HttpServer;
import io.keepline.contracts.Msisdn;
import io.keepline.contracts.OperatorId;
import io.keepline.contracts.line.LineEvent;
import io.keepline.contracts.line.LineRegistered;
import io.keepline.contracts.topic.Topics;
import io.keepline.ingest.IngestApplication;
import io.keepline.testsupport.KafkaCluster;
import io.keepline.testsupport.RealKafka;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.support.KafkaHeaders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The {@code keepline} commands against a real ingest on the test broker (import, dead
 * letters), the broker itself (notices), and an HTTP stand-in answering the operator
 * API's documented shapes (line).
 */
@RealKafka
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KeeplineCliTest {

	private static final String KEY = "cli-test-orange-key";

	private static final String ADMIN_TOKEN = "cli-test-admin-token-0123456789";

	private static final String HEADER = "type,msisdn,operator,plan,validUntil,renewalPrice.amountCents,"
			+ "renewalPrice.currency,holder.email,holder.locale,holder.timeZone";

	private ConfigurableApplicationContext ingest;

	private KafkaCluster cluster;

	@BeforeAll
	void startIngest(KafkaCluster cluster, @TempDir Path state) {
		this.cluster = cluster;
		this.ingest = new SpringApplicationBuilder(IngestApplication.class).run("--server.port=0",
				"--server.address=127.0.0.1", "--management.server.port=0",
				"--spring.kafka.bootstrap-servers=" + cluster.bootstrapServers(),
				"--keepline.operators.keys=orange=" + KEY, "--keepline.ingest.raw.enabled=false",
				"--keepline.admin.token=" + ADMIN_TOKEN, "--spring.kafka.streams.state-dir=" + state,
				"--keepline.line-keys.data-key=Y2xpLXRlc3QtZGF0YS1rZXktMDEyMzQ1Njc4OWFiY2Q=",
				"--spring.jmx.enabled=false");
		await().until(() -> run("dead-letters", "list", "--management-url", management()).exit() == 0);
	}

	@AfterAll
	void stopIngest() {
		this.ingest.close();
	}

	@Test
	void importsEveryRowOnceAcrossAnInterruptionAndNamesTheRejectedRows(@TempDir Path dir) throws Exception {
		int rows = 20_000;
		int base = ThreadLocalRandom.current().nextInt(1_000_000, 8_000_000);
		Path csv = dir.resolve("lines.csv");
		Files.write(csv, linesCsv(rows, base));

		CommandLine interrupted = KeeplineCli.commandLine();
		StringWriter interruptedOut = new StringWriter();
		interrupted.setOut(new PrintWriter(interruptedOut));
		interrupted.setErr(new PrintWriter(new StringWriter()));
		CompletableFuture<Integer> first = CompletableFuture.supplyAsync(() -> interrupted.execute("import",
				csv.toString(), "--operator-key", KEY, "--ingest", ingestUrl(), "--batch-rows", "200"));
		Path checkpoint = dir.resolve("lines.csv.checkpoint");
		await().until(() -> Files.isRegularFile(checkpoint) && rowsIn(checkpoint) >= 4_000);
		ImportCommand command = interrupted.getSubcommands().get("import").getCommand();
		command.stop();
		assertThat(first.get()).isEqualTo(ExitCodes.INTERRUPTED);
		long stoppedAt = rowsIn(checkpoint);
		assertThat(stoppedAt).isBetween(4_000L, rows - 1L);
		assertThat(interruptedOut.toString()).contains("run the same command to continue");

		Result resumed = run("import", csv.toString(), "--operator-key", KEY, "--ingest", ingestUrl(), "--batch-rows",
				"200");
		assertThat(resumed.exit()).as(resumed.err()).isEqualTo(ExitCodes.PARTLY);
		assertThat(resumed.err()).contains("Continuing after row " + String.format("%,d", stoppedAt));
		assertThat(resumed.out()).contains("20,000 rows, 19,997 accepted, 3 rejected")
			.contains("line 11: msisdn")
			.contains("line 5002: holder.email")
			.contains("line 19001: plan");

		Map<Msisdn, Integer> registered = registrationsFrom(base, rows);
		assertThat(registered).hasSize(rows - 3);
		assertThat(registered.values()).containsOnly(1);

		Result again = run("import", csv.toString(), "--operator-key", KEY, "--ingest", ingestUrl());
		assertThat(again.out()).contains("20,000 rows, 19,997 accepted, 3 rejected");
		assertThat(registrationsFrom(base, rows)).isEqualTo(registered);
	}

	@Test
	void badInputEndsWithOneLineNamingTheProblemAndItsExitCode(@TempDir Path dir) throws Exception {
		Path unknownColumn = dir.resolve("columns.csv");
		Files.writeString(unknownColumn, "type,msisdn,colour\nLineRegistered,+32470000001,blue\n");
		Result columns = run("import", unknownColumn.toString(), "--operator-key", KEY, "--ingest", ingestUrl());
		assertThat(columns.exit()).isEqualTo(ExitCodes.BAD_INPUT);
		assertThat(columns.err()).contains("Unknown columns [colour]")
			.doesNotContain("Exception")
			.doesNotContain("\tat ");

		Path unterminated = dir.resolve("quote.csv");
		Files.writeString(unterminated, HEADER + "\nLineRegistered,\"+32470000001,orange\n");
		Result quote = run("import", unterminated.toString(), "--operator-key", KEY, "--ingest", ingestUrl());
		assertThat(quote.exit()).isEqualTo(ExitCodes.BAD_INPUT);
		assertThat(quote.err()).startsWith("keepline: Unreadable CSV in").doesNotContain("\tat ");

		Result wrongKey = run("import", unknownColumn.toString(), "--operator-key", "nope", "--ingest", ingestUrl());
		assertThat(wrongKey.exit()).isEqualTo(ExitCodes.UNAUTHORIZED);
		assertThat(run("import", dir.resolve("missing.csv").toString(), "--operator-key", KEY).exit())
			.isEqualTo(ExitCodes.BAD_INPUT);
		assertThat(run("import", "--help").out()).contains("--operator-key", "--ingest", "Resumable");
		assertThat(run("line", "+32abc", "--operator-key", KEY).err()).contains("msisdn");
	}

	@Test
	void deadLettersOfARealServiceAreListedShownAndRefusedReplayWithAReason() throws Exception {
		String group = this.ingest.getEnvironment().getProperty("spring.kafka.streams.application-id");
		String reason = "Unreadable LineEvent for +32470999888";
		this.cluster.createTopics(Topics.LINE_EVENTS.deadLetter());
		try (KafkaProducer<String, String> producer = new KafkaProducer<>(this.cluster.producerProperties(),
				new StringSerializer(), new StringSerializer())) {
			ProducerRecord<String, String> parked = new ProducerRecord<>(Topics.LINE_EVENTS.deadLetter(), 0,
					"+32470999888", "{not json");
			parked.headers()
				.add(KafkaHeaders.DLT_ORIGINAL_CONSUMER_GROUP, group.getBytes(StandardCharsets.UTF_8))
				.add(KafkaHeaders.DLT_ORIGINAL_TOPIC, Topics.LINE_EVENTS.name().getBytes(StandardCharsets.UTF_8))
				.add(KafkaHeaders.DLT_EXCEPTION_FQCN,
						"org.apache.kafka.common.errors.SerializationException".getBytes(StandardCharsets.UTF_8))
				.add(KafkaHeaders.DLT_EXCEPTION_MESSAGE, reason.getBytes(StandardCharsets.UTF_8));
			producer.send(parked).get();
		}

		Result list = run("dead-letters", "list", "--service", "ingest", "--management-url", management());
		assertThat(list.exit()).isZero();
		assertThat(list.out()).contains("PARKED", group, "SerializationException").doesNotContain("+32470999888");
		String id = list.out()
			.lines()
			.filter((line) -> line.contains("Unreadable LineEvent"))
			.reduce((a, b) -> b)
			.orElseThrow()
			.split("\\s+")[1];

		assertThat(run("dead-letters", "show", id, "--service", "ingest", "--management-url", management(),
				"--admin-token", "wrong-token-0123456789", "--data-dir", "/nonexistent")
			.exit()).isEqualTo(ExitCodes.UNAUTHORIZED);
		Result show = run("dead-letters", "show", id, "--service", "ingest", "--management-url", management(),
				"--admin-token", ADMIN_TOKEN);
		assertThat(show.exit()).isZero();
		assertThat(show.out()).contains("{not json");

		Result replay = run("dead-letters", "replay", id, "--service", "ingest", "--management-url", management(),
				"--admin-token", ADMIN_TOKEN);
		assertThat(replay.exit()).isEqualTo(ExitCodes.CONFLICT);
		assertThat(replay.out()).contains("NOT_REPLAYABLE", "Kafka Streams");
		assertThat(run("dead-letters", "replay", "not-an-id", "--service", "ingest").exit())
			.isEqualTo(ExitCodes.BAD_INPUT);
	}

	@Test
	void noticesArePrintedOneLineEach() throws Exception {
		String topic = Topics.operatorNotices(OperatorId.of("cli-test")).name();
		this.cluster.createTopics(topic);
		try (KafkaProducer<String, String> producer = new KafkaProducer<>(this.cluster.producerProperties(),
				new StringSerializer(), new StringSerializer())) {
			producer
				.send(new ProducerRecord<>(topic, "+32470000001",
						"{\"type\":\"RenewalConfirmed\",\"noticeId\":\"n-1\",\"amountCents\":1500}"))
				.get();
		}
		Result notices = run("notices", "--operator", "cli-test", "--bootstrap", this.cluster.bootstrapServers());
		assertThat(notices.exit()).isZero();
		assertThat(notices.out()).contains("RenewalConfirmed  noticeId=n-1 amountCents=1500");
		assertThat(run("notices", "--operator", "Not An Operator").exit()).isEqualTo(ExitCodes.BAD_INPUT);
	}

	@Test
	void lineShowsStateDeadlinesAndTimelineFromTheOperatorApi() throws Exception {
		HttpServer api = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		api.createContext("/v1/lines/", (exchange) -> {
			boolean authorized = ("Bearer " + KEY).equals(exchange.getRequestHeaders().getFirst("Authorization"));
			String path = exchange.getRequestURI().getPath();
			String body = !authorized ? "{\"title\":\"Unauthorized\",\"status\":401,\"detail\":\"Unknown key\"}" : path
				.endsWith("/timeline")
						? "[{\"at\":\"2026-12-01T09:00:00Z\",\"type\":\"LineRegistered\",\"topic\":\"line-events\"},"
								+ "{\"at\":\"2026-12-05T09:00:00Z\",\"type\":\"ReminderSent\",\"channel\":\"EMAIL\"}]"
						: "{\"msisdn\":\"+32470000001\",\"operator\":\"orange\",\"state\":\"ACTIVE\","
								+ "\"validUntil\":\"2027-01-31\",\"nextDeadlines\":[{\"kind\":\"REMINDER\","
								+ "\"stage\":1,\"dueAt\":\"2027-01-01T09:00:00Z\"}],"
								+ "\"autoRenew\":{\"active\":false}}";
			byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
			exchange.sendResponseHeaders(authorized ? 200 : 401, bytes.length);
			exchange.getResponseBody().write(bytes);
			exchange.close();
		});
		api.start();
		try {
			String url = "http://127.0.0.1:" + api.getAddress().getPort();
			Result line = run("line", "+32470000001", "--operator-key", KEY, "--scheduler", url, "--ingest", url);
			assertThat(line.exit()).as(line.err()).isZero();
			assertThat(line.out()).contains("+32470000001  orange  ACTIVE  valid until 2027-01-31")
				.contains("2027-01-01T09:00:00Z  REMINDER 1")
				.contains("2026-12-05T09:00:00Z  ReminderSent  channel=EMAIL");
			Result unauthorized = run("line", "+32470000001", "--operator-key", "other", "--scheduler", url);
			assertThat(unauthorized.exit()).isEqualTo(ExitCodes.UNAUTHORIZED);
			assertThat(unauthorized.err()).contains("HTTP 401 Unknown key");
		}
		finally {
			api.stop(0);
		}
	}

	/** A CSV of {@code rows} registrations; lines 11, 5002 and 19001 are bad. */
	private static List<String> linesCsv(int rows, int base) {
		String validUntil = LocalDate.now().plusDays(90).toString();
		List<String> lines = new java.util.ArrayList<>(rows + 1);
		lines.add(HEADER);
		for (int row = 0; row < rows; row++) {
			int line = row + 2;
			String msisdn = (line == 11) ? "+32abc" : msisdn(base, row);
			String plan = (line == 19001) ? "" : "orange-prepaid-15";
			String email = (line == 5002) ? "not-an-email" : "holder" + row + "@example.com";
			lines.add("LineRegistered," + msisdn + ",orange," + plan + "," + validUntil + ",1500,EUR," + email
					+ ",fr,Europe/Brussels");
		}
		return lines;
	}

	private static String msisdn(int base, int row) {
		return String.format("+3249%07d", base + row);
	}

	/** LineRegistered events on line-events per msisdn of this import. */
	private Map<Msisdn, Integer> registrationsFrom(int base, int rows) {
		Set<Msisdn> ours = new HashSet<>();
		for (int row = 0; row < rows; row++) {
			ours.add(Msisdn.of(msisdn(base, row)));
		}
		Map<Msisdn, Integer> counts = new HashMap<>();
		Map<String, Object> properties = this.cluster.consumerProperties("unused");
		properties.remove("group.id");
		try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(properties, new ByteArrayDeserializer(),
				new ByteArrayDeserializer())) {
			List<TopicPartition> partitions = consumer.partitionsFor(Topics.LINE_EVENTS.name())
				.stream()
				.map((info) -> new TopicPartition(info.topic(), info.partition()))
				.toList();
			consumer.assign(partitions);
			consumer.seekToBeginning(partitions);
			Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
			while (partitions.stream().anyMatch((p) -> consumer.position(p) < ends.get(p))) {
				for (ConsumerRecord<byte[], byte[]> record : consumer.poll(java.time.Duration.ofMillis(500))) {
					LineEvent event = Topics.LINE_EVENTS.valueSerde()
						.deserializer()
						.deserialize(record.topic(), record.value());
					if (event instanceof LineRegistered registered && ours.contains(registered.msisdn())) {
						counts.merge(registered.msisdn(), 1, Integer::sum);
					}
				}
			}
		}
		return counts;
	}

	private static long rowsIn(Path checkpoint) throws IOException {
		java.util.Properties properties = new java.util.Properties();
		try (var reader = Files.newBufferedReader(checkpoint)) {
			properties.load(reader);
		}
		return Long.parseLong(properties.getProperty("rows", "0"));
	}

	private String ingestUrl() {
		return "http://127.0.0.1:" + this.ingest.getEnvironment().getProperty("local.server.port");
	}

	private String management() {
		return "http://127.0.0.1:" + this.ingest.getEnvironment().getProperty("local.management.port");
	}

	private static Result run(String... args) {
		CommandLine commandLine = KeeplineCli.commandLine();
		StringWriter out = new StringWriter();
		StringWriter err = new StringWriter();
		commandLine.setOut(new PrintWriter(out));
		commandLine.setErr(new PrintWriter(err));
		int exit = commandLine.execute(args);
		return new Result(exit, out.toString(), err.toString());
	}

	private record Result(int exit, String out, String err) {

	}

}
