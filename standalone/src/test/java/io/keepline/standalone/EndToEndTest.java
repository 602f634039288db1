package io.keepline.standalone;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.keepline.contracts.CycleId;
import io.keepline.contracts.deadline.DeadlineEvent;
import io.keepline.contracts.deadline.RenewalConfirmed;
import io.keepline.contracts.line.LineRegistered;
import io.keepline.contracts.topic.Topics;
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

	@Test
	void aRegisteredLineIsRemindedPaysThroughTheSandboxAndGetsItsReceipt(Pipeline pipeline) throws Exception {
		String email = "e2e-" + UUID.randomUUID() + "@example.com";
		try (TopicProbe<?, DeadlineEvent> deadlines = TopicProbe.of(DemoLines.cluster(pipeline),
				Topics.DEADLINE_EVENTS)) {
			LineRegistered line = DemoLines.register(pipeline, email);

			MimeMessage reminder = await().atMost(Duration.ofSeconds(90))
				.until(() -> mailTo(pipeline, email), (mails) -> !mails.isEmpty())
				.get(0);
			Matcher payLink = PAY_LINK.matcher(text(reminder));
			assertThat(payLink.find()).as("pay link in the reminder").isTrue();

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
		}
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
