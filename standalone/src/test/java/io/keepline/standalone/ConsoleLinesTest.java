package io.keepline.standalone;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.keepline.contracts.Holder;
import io.keepline.contracts.HolderLocale;
import io.keepline.contracts.Money;
import io.keepline.contracts.Msisdn;
import io.keepline.contracts.OperatorId;
import io.keepline.contracts.json.EventJson;
import io.keepline.contracts.line.LineRegistered;
import io.keepline.contracts.linerecord.AutoRenewal;
import io.keepline.contracts.linerecord.CycleState;
import io.keepline.contracts.linerecord.LineRecord;
import io.keepline.contracts.notice.OperatorNotice;
import io.keepline.contracts.notice.RenewalNotApplied;
import io.keepline.contracts.notice.ValidityLapsed;
import io.keepline.contracts.topic.Topics;
import io.keepline.testsupport.Unique;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The console shows each line as its line record (keepline.lines.v1) says, forgets it on
 * its tombstone, and shows the next deadlines the real scheduler's read API answers. The
 * records here are written by the test, as the scheduler writes them: lines the scheduler
 * does not know, or (for the deadlines) a line registered through ingest. It shows each
 * operator's notices, newest first, with the alerts highlighted.
 */
@ExtendWith(RunningPipeline.class)
class ConsoleLinesTest {

	private static final Pattern DUE = Pattern.compile("data-due=\"([^\"]+)\"");

	private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	@Test
	void showsALineAsItsRecordSaysAndForgetsItAndItsHolderOnItsTombstone(Pipeline pipeline) throws Exception {
		Msisdn msisdn = Unique.msisdn();
		Msisdn sms = Unique.msisdn();
		LocalDate validUntil = LocalDate.of(2027, 3, 1);
		publish(pipeline, record(msisdn, "orange", validUntil, CycleState.OPEN, sms));
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(console(pipeline, "/lines/" + msisdn.value()).body())
				.contains("id=\"valid-until\">2027-03-01<")
				.contains(">open<"));
		assertThat(console(pipeline, "/?q=" + msisdn.value().substring(1)).body()).contains(msisdn.value());

		publish(pipeline, record(msisdn, "orange", validUntil.plusYears(1), CycleState.RENEWED, sms));
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(console(pipeline, "/lines/" + msisdn.value()).body())
				.contains("id=\"valid-until\">2028-03-01<")
				.contains(">renewed<"));
		HttpResponse<String> text = this.http.send(HttpRequest
			.newBuilder(URI.create(pipeline.consoleUrl() + "/outbox/sms/2010-04-01/Accounts/ACdemo/Messages.json"))
			.header("Authorization", "Bearer " + pipeline.consoleToken())
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("To=" + sms.value().replace("+", "%2B") + "&Body=hello"))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(text.statusCode()).isEqualTo(201);
		assertThat(console(pipeline, "/outbox").body()).contains(sms.value());

		publish(pipeline, msisdn, null);

		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(console(pipeline, "/lines/" + msisdn.value()).statusCode()).isEqualTo(404));
		assertThat(console(pipeline, "/").body()).doesNotContain(msisdn.value());
		assertThat(console(pipeline, "/outbox").body()).doesNotContain(sms.value());
	}

	@Test
	void showsTheNextDeadlinesTheSchedulerAnswersForTheLinesOperator(Pipeline pipeline) throws Exception {
		LineRegistered line = DemoLines.register(pipeline, "deadlines-" + UUID.randomUUID() + "@example.com");
		// Until the scheduler writes the line records itself, the test writes this
		// line's.
		publish(pipeline, record(line.msisdn(), "orange", line.validUntil(), CycleState.OPEN, null));
		await().atMost(Duration.ofSeconds(60))
			.until(() -> schedulersDeadlines(pipeline, line.msisdn()), (due) -> !due.isEmpty());

		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			String page = console(pipeline, "/lines/" + line.msisdn().value()).body();
			assertThat(page).doesNotContain("id=\"scheduler-problem\"");
			assertThat(due(page)).isNotEmpty().isEqualTo(schedulersDeadlines(pipeline, line.msisdn()));
		});
	}

	@Test
	void saysWhyTheSchedulerCannotBeAskedForALineOfAnOperatorWithoutAKey(Pipeline pipeline) throws Exception {
		Msisdn msisdn = Unique.msisdn();
		publish(pipeline, record(msisdn, "acme", LocalDate.of(2027, 3, 1), CycleState.OPEN, null));

		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(console(pipeline, "/lines/" + msisdn.value()).body())
				.contains("The console has no key for operator acme"));
	}

	@Test
	void showsEachOperatorsNoticesNewestFirstAndARenewalNotAppliedAlertOnItsLine(Pipeline pipeline) throws Exception {
		Msisdn msisdn = Unique.msisdn();
		Msisdn other = Unique.msisdn();
		LocalDate validUntil = LocalDate.of(2027, 3, 1);
		Instant paidAt = Instant.now().minus(Duration.ofDays(2));
		publish(pipeline, record(msisdn, "orange", validUntil, CycleState.RENEWED, null));
		notify(pipeline, new ValidityLapsed(UUID.randomUUID(), paidAt.minus(Duration.ofDays(400)),
				OperatorId.of("orange"), msisdn, validUntil.minusYears(1)));
		notify(pipeline, new RenewalNotApplied(UUID.randomUUID(), Instant.now(), OperatorId.of("orange"), msisdn,
				validUntil, paidAt, paidAt.plus(Duration.ofDays(1))));
		notify(pipeline,
				new ValidityLapsed(UUID.randomUUID(), Instant.now(), OperatorId.of("base"), other, validUntil));

		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			String page = console(pipeline, "/notices").body();
			String orange = section(page, "notices-orange");
			assertThat(orange).contains(msisdn.value()).doesNotContain(other.value());
			assertThat(orange.indexOf("RenewalNotApplied")).isNotNegative()
				.isLessThan(orange.indexOf("ValidityLapsed"));
			assertThat(orange).containsPattern(
					"class=\"notice alert\">\\s*<td[^>]*>[^<]*</td>\\s*<td><a[^>]*>" + Pattern.quote(msisdn.value()));
			assertThat(section(page, "notices-base")).contains(other.value()).doesNotContain(msisdn.value());
		});
		assertThat(console(pipeline, "/lines/" + msisdn.value()).body()).contains("id=\"alerts\"")
			.contains("no top-up by " + paidAt.plus(Duration.ofDays(1)));
		assertThat(console(pipeline, "/lines/" + other.value()).body()).doesNotContain("id=\"alerts\"");
	}

	/** The part of the page from the section {@code id} to the next section. */
	private static String section(String page, String id) {
		int start = page.indexOf("id=\"" + id + "\"");
		assertThat(start).as("section " + id).isNotNegative();
		int end = page.indexOf("<section", start);
		return page.substring(start, (end > 0) ? end : page.length());
	}

	private static void notify(Pipeline pipeline, OperatorNotice notice) throws Exception {
		try (KafkaProducer<Msisdn, OperatorNotice> producer = new KafkaProducer<>(
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, pipeline.bootstrapServers()),
				Topics.operatorNotices(notice.operator()).keySerde().serializer(),
				Topics.operatorNotices(notice.operator()).valueSerde().serializer())) {
			producer
				.send(new ProducerRecord<>(Topics.operatorNotices(notice.operator()).name(), notice.msisdn(), notice))
				.get();
		}
	}

	private List<Instant> schedulersDeadlines(Pipeline pipeline, Msisdn msisdn) throws Exception {
		HttpResponse<String> report = this.http
			.send(HttpRequest
				.newBuilder(URI.create(StandaloneSettings.url(pipeline.settings().ports().scheduler()) + "/v1/lines/"
						+ msisdn.value().replace("+", "%2B")))
				.header("Authorization", "Bearer demo-orange-key")
				.build(), HttpResponse.BodyHandlers.ofString());
		List<Instant> due = new ArrayList<>();
		if (report.statusCode() == 200) {
			for (JsonNode next : EventJson.mapper().readTree(report.body()).path("nextDeadlines")) {
				due.add(Instant.parse(next.path("dueAt").asString()));
			}
		}
		return due.stream().sorted().toList();
	}

	private static List<Instant> due(String page) {
		List<Instant> due = new ArrayList<>();
		Matcher matcher = DUE.matcher(page);
		while (matcher.find()) {
			due.add(Instant.parse(matcher.group(1)));
		}
		return due;
	}

	private HttpResponse<String> console(Pipeline pipeline, String path) throws IOException, InterruptedException {
		return this.http.send(HttpRequest.newBuilder(URI.create(pipeline.consoleUrl() + path))
			.header("Authorization", "Bearer " + pipeline.consoleToken())
			.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	private static LineRecord record(Msisdn msisdn, String operator, LocalDate validUntil, CycleState state,
			Msisdn sms) {
		Instant now = Instant.now();
		return new LineRecord(msisdn, OperatorId.of(operator), operator + "-prepaid-15", validUntil, state,
				Money.of(1500, "EUR"), AutoRenewal.OFF,
				new Holder("Console Holder", "console-" + UUID.randomUUID() + "@example.com", sms, null,
						HolderLocale.EN, ZoneId.of("Europe/Brussels")),
				now, now);
	}

	private static void publish(Pipeline pipeline, LineRecord record) throws Exception {
		publish(pipeline, record.msisdn(), record);
	}

	private static void publish(Pipeline pipeline, Msisdn msisdn, LineRecord record) throws Exception {
		try (KafkaProducer<Msisdn, LineRecord> producer = new KafkaProducer<>(
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, pipeline.bootstrapServers()),
				Topics.LINES.keySerde().serializer(), Topics.LINES.valueSerde().serializer())) {
			producer.send(new ProducerRecord<>(Topics.LINES.name(), msisdn, record)).get();
		}
	}

}
