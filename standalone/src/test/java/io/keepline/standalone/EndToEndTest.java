package io.keepline.standalone;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.keepline.contracts.CycleId;
import io.keepline.contracts.Money;
import io.keepline.contracts.OperatorId;
import io.keepline.contracts.deadline.DeadlineEvent;
import io.keepline.contracts.deadline.RenewalConfirmed;
import io.keepline.contracts.json.EventJson;
import io.keepline.contracts.line.LineEvent;
import io.keepline.contracts.line.LineRegistered;
import io.keepline.contracts.line.ValidityExtended;
import io.keepline.contracts.linerecord.LineRecord;
import io.keepline.contracts.notice.OperatorNotice;
import io.keepline.contracts.notice.RenewalPaid;
import io.keepline.contracts.topic.Topics;
import io.keepline.contracts.webhook.WebhookKeys;
import io.keepline.contracts.webhook.WebhookSignature;
import io.keepline.standalone.console.ConsoleSettings;
import io.keepline.standalone.console.Email;
import io.keepline.standalone.seed.SeedLoader;
import io.keepline.standalone.seed.SeedReport;
import io.keepline.testsupport.TopicProbe;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The whole pipeline in one JVM, on free ports: what a newcomer sees, checked by a
 * machine.
 */
@ExtendWith(RunningPipeline.class)
class EndToEndTest {

	private static final Pattern PAY_LINK = Pattern.compile("https?://[^\\s\"'<>]+/pay/[A-Za-z0-9._~-]+");

	private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	/** orange-prepaid-15's validity in seeds/plans.yml. */
	private static final int ORANGE_PREPAID_15_DAYS = 365;

	/**
	 * The paid renewal reaches the simulated Orange as a signed {@code RenewalPaid}
	 * webhook, which answers through ingest's HTTP API with {@code ValidityExtended}: the
	 * line record then shows the new validity.
	 */
	@Test
	void aRegisteredLineIsRemindedPaysThroughTheSandboxGetsItsReceiptAndIsToppedUpByItsOperator(Pipeline pipeline)
			throws Exception {
		String email = "e2e-" + UUID.randomUUID() + "@example.com";
		try (TopicProbe<?, DeadlineEvent> deadlines = TopicProbe.of(DemoLines.cluster(pipeline),
				Topics.DEADLINE_EVENTS);
				TopicProbe<?, OperatorNotice> notices = TopicProbe.of(DemoLines.cluster(pipeline),
						Topics.operatorNotices(OperatorId.of("orange")));
				TopicProbe<?, LineEvent> lineEvents = TopicProbe.of(DemoLines.cluster(pipeline), Topics.LINE_EVENTS);
				TopicProbe<?, LineRecord> records = TopicProbe.of(DemoLines.cluster(pipeline), Topics.LINES)) {
			LineRegistered line = DemoLines.register(pipeline, email);

			MimeMessage reminder = await().atMost(Duration.ofSeconds(90))
				.until(() -> mailTo(pipeline, email), (mails) -> !mails.isEmpty())
				.get(0);
			Matcher payLink = PAY_LINK.matcher(text(reminder));
			assertThat(payLink.find()).as("pay link in the reminder").isTrue();
			String unsubscribe = reminder.getHeader("List-Unsubscribe")[0];
			String notifier = StandaloneSettings.url(pipeline.settings().ports().notifier());
			assertThat(unsubscribe).startsWith("<" + notifier + "/unsubscribe/");
			// a GET only shows the page: the receipt below is still an email
			assertThat(get(unsubscribe.substring(1, unsubscribe.length() - 1)).statusCode()).isEqualTo(200);

			HttpResponse<String> pay = get(payLink.group());
			assertThat(pay.statusCode()).isBetween(300, 399);
			String checkout = pay.headers().firstValue("Location").orElseThrow();
			assertThat(checkout).contains("/sandbox/checkout/");
			assertThat(get(checkout).body()).contains("SANDBOX");
			HttpResponse<String> paid = post(checkout + "/complete");
			assertThat(paid.statusCode()).isBetween(300, 399);
			assertThat(paid.headers().firstValue("Location").orElseThrow()).contains("/status/");

			await().atMost(Duration.ofSeconds(60))
				.untilAsserted(() -> assertThat(deadlines.values(RenewalConfirmed.class))
					.anySatisfy((confirmed) -> assertThat(confirmed.cycle())
						.isEqualTo(new CycleId(line.msisdn(), line.validUntil()))));
			List<MimeMessage> mails = await().atMost(Duration.ofSeconds(60))
				.until(() -> mailTo(pipeline, email), (all) -> all.size() >= 2);
			assertThat(mails.get(1).getSubject()).isNotEqualTo(reminder.getSubject());

			LocalDate extended = line.validUntil().plusDays(ORANGE_PREPAID_15_DAYS);
			await().atMost(Duration.ofSeconds(60))
				.untilAsserted(() -> assertThat(records.values()).filteredOn(Objects::nonNull).anySatisfy((record) -> {
					assertThat(record.msisdn()).isEqualTo(line.msisdn());
					assertThat(record.validUntil()).isEqualTo(extended);
				}));
			assertThat(notices.values(RenewalPaid.class))
				.filteredOn((renewal) -> renewal.msisdn().equals(line.msisdn()))
				.singleElement()
				.satisfies((renewal) -> {
					assertThat(renewal.validUntil()).isEqualTo(line.validUntil());
					assertThat(renewal.plan()).isEqualTo("orange-prepaid-15");
					assertThat(renewal.amount()).isEqualTo(Money.of(1500, "EUR"));
				});
			assertThat(lineEvents.values(ValidityExtended.class))
				.filteredOn((topUp) -> topUp.msisdn().equals(line.msisdn()))
				.singleElement()
				.satisfies((topUp) -> assertThat(topUp.validUntil()).isEqualTo(extended));
		}
	}

	/**
	 * A simulated operator takes a notice only signed with its operator's key, and acts
	 * on a notice id once, however often it comes.
	 */
	@Test
	void aSimulatedOperatorTakesOnlyNoticesSignedWithItsKeyAndEachNoticeOnce(Pipeline pipeline) throws Exception {
		LineRegistered line = DemoLines.register(pipeline, "operator-" + UUID.randomUUID() + "@example.com");
		WebhookSignature orange = WebhookKeys.parse(pipeline.operatorWebhookSecrets())
			.of(OperatorId.of("orange"))
			.orElseThrow();
		WebhookSignature base = WebhookKeys.parse(pipeline.operatorWebhookSecrets())
			.of(OperatorId.of("base"))
			.orElseThrow();
		RenewalPaid paid = paid(line, line.validUntil());
		byte[] body = EventJson.write(paid, OperatorNotice.class);
		String receiver = pipeline.consoleUrl() + ConsoleSettings.simulatedOperatorPath("orange");

		assertThat(notice(receiver, body, null, paid).statusCode()).isEqualTo(401);
		assertThat(notice(receiver, body, base.header(Instant.now(), body), paid).statusCode()).isEqualTo(401);
		assertThat(notice(receiver, body, orange.header(Instant.now().minus(Duration.ofHours(1)), body), paid)
			.statusCode()).isEqualTo(401);
		assertThat(notice(pipeline.consoleUrl() + ConsoleSettings.simulatedOperatorPath("acme"), body,
				orange.header(Instant.now(), body), paid)
			.statusCode()).isEqualTo(404);

		try (TopicProbe<?, LineEvent> lineEvents = TopicProbe.of(DemoLines.cluster(pipeline), Topics.LINE_EVENTS)) {
			assertThat(notice(receiver, body, orange.header(Instant.now(), body), paid).statusCode()).isEqualTo(204);
			assertThat(notice(receiver, body, orange.header(Instant.now(), body), paid).statusCode()).isEqualTo(204);
			// a later notice of the same line: once its top-up is read, so would be a
			// second top-up of the first (same partition, written before)
			RenewalPaid marker = paid(line, line.validUntil().plusDays(ORANGE_PREPAID_15_DAYS));
			byte[] markerBody = EventJson.write(marker, OperatorNotice.class);
			assertThat(notice(receiver, markerBody, orange.header(Instant.now(), markerBody), marker).statusCode())
				.isEqualTo(204);

			await().atMost(Duration.ofSeconds(30))
				.untilAsserted(() -> assertThat(topUps(lineEvents, line))
					.contains(marker.validUntil().plusDays(ORANGE_PREPAID_15_DAYS)));
			assertThat(topUps(lineEvents, line)).containsExactly(paid.validUntil().plusDays(ORANGE_PREPAID_15_DAYS),
					marker.validUntil().plusDays(ORANGE_PREPAID_15_DAYS));
		}
	}

	private static RenewalPaid paid(LineRegistered line, LocalDate validUntil) {
		return new RenewalPaid(UUID.randomUUID(), Instant.now(), line.operator(), line.msisdn(), validUntil,
				line.plan(), line.renewalPrice(), "pi_test_" + UUID.randomUUID());
	}

	private static List<LocalDate> topUps(TopicProbe<?, LineEvent> lineEvents, LineRegistered line) {
		return lineEvents.values(ValidityExtended.class)
			.stream()
			.filter((topUp) -> topUp.msisdn().equals(line.msisdn()))
			.map(ValidityExtended::validUntil)
			.toList();
	}

	private HttpResponse<String> notice(String url, byte[] body, String signature, RenewalPaid notice)
			throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
			.header("Content-Type", "application/json")
			.header("Keepline-Notice-Id", notice.noticeId().toString())
			.POST(HttpRequest.BodyPublishers.ofByteArray(body));
		if (signature != null) {
			request.header(WebhookSignature.HEADER, signature);
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	@Test
	void everyServiceListsItsDeadLettersAndShowsThemOnlyWithTheAdminTokenKeptInTheDataDirectory(Pipeline pipeline)
			throws Exception {
		String token = Files.readString(pipeline.settings().dataDir().resolve(SecretFile.ADMIN_TOKEN)).strip();
		StandaloneSettings.Management ports = pipeline.settings().ports().management();
		HttpClient http = HttpClient.newHttpClient();
		for (int port : List.of(ports.ingest(), ports.scheduler(), ports.notifier(), ports.payments())) {
			String base = "http://127.0.0.1:" + port + "/actuator/deadletters";
			URI missing = URI.create(base + "/" + Topics.DEADLINE_EVENTS.deadLetter() + "/0/999999999");
			assertThat(http.send(HttpRequest.newBuilder(URI.create(base)).build(), HttpResponse.BodyHandlers.ofString())
				.statusCode()).isEqualTo(200);
			assertThat(http.send(HttpRequest.newBuilder(missing).build(), HttpResponse.BodyHandlers.ofString())
				.statusCode()).isEqualTo(401);
			assertThat(http
				.send(HttpRequest.newBuilder(missing).header("Authorization", "Bearer " + token).build(),
						HttpResponse.BodyHandlers.ofString())
				.statusCode()).isEqualTo(404);
		}
	}

	@Test
	void seedsAreRegisteredOnceAndNotAgainOnRestart(Pipeline pipeline) {
		SeedReport first = pipeline.seedReport();
		assertThat(first).isNotNull();
		assertThat(first.accepted()).isEqualTo(first.lines()).isGreaterThanOrEqualTo(45);

		SeedReport again = new SeedLoader(pipeline.settings().seeds(), pipeline.settings().dataDir(),
				StandaloneSettings.url(pipeline.settings().ports().ingest()),
				pipeline.settings().secrets().operatorKeys(), pipeline.consoleUrl())
			.load();

		assertThat(again.skipped()).isTrue();
		assertThat(again.fingerprint()).isEqualTo(first.fingerprint());
	}

	private static List<MimeMessage> mailTo(Pipeline pipeline, String email) throws Exception {
		List<MimeMessage> mails = new ArrayList<>();
		for (MimeMessage message : pipeline.outbox().messages()) {
			if (message.getAllRecipients()[0].toString().contains(email)) {
				mails.add(message);
			}
		}
		return mails;
	}

	private static String text(MimeMessage message) {
		Email email = Email.of(0, message);
		return email.text() + "\n" + email.html();
	}

	private HttpResponse<String> get(String url) throws Exception {
		return this.http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
				HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> post(String url) throws Exception {
		return this.http.send(HttpRequest.newBuilder(URI.create(url)).POST(HttpRequest.BodyPublishers.noBody()).build(),
				HttpResponse.BodyHandlers.ofString());
	}

}
