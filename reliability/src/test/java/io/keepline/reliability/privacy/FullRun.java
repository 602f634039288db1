package io.keepline.reliability.privacy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.keepline.contracts.CycleId;
import io.keepline.contracts.Msisdn;
import io.keepline.contracts.deadline.DeadlineEvent;
import io.keepline.contracts.deadline.RenewalConfirmed;
import io.keepline.contracts.line.HolderUpdated;
import io.keepline.contracts.line.LineErased;
import io.keepline.contracts.line.LineEvent;
import io.keepline.contracts.line.ValidityExtended;
import io.keepline.contracts.notification.NotificationEvent;
import io.keepline.contracts.notification.NotificationSent;
import io.keepline.contracts.topic.Topics;
import io.keepline.reliability.DueLines;
import io.keepline.reliability.privacy.Holders.Fate;
import io.keepline.reliability.privacy.Holders.Line;
import io.keepline.standalone.Pipeline;
import io.keepline.standalone.StandaloneSettings;
import io.keepline.standalone.seed.IngestClient;
import io.keepline.testsupport.KafkaCluster;
import io.keepline.testsupport.TopicProbe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Drives the standalone as its users do: operators register lines over HTTP (and send a
 * few bad requests), holders get their reminders by email, SMS and webhook, open a pay
 * link and pay in the sandbox checkout, the renewal is confirmed and the simulated
 * operator tops the line up; one holder updates, others are erased. Counts what it saw.
 */
final class FullRun {

	private static final Duration PATIENCE = Duration.ofSeconds(90);

	private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	private final Pipeline pipeline;

	private final List<Line> lines;

	private final Map<String, Object> counts = new LinkedHashMap<>();

	FullRun(Pipeline pipeline, List<Line> lines) {
		this.pipeline = pipeline;
		this.lines = lines;
	}

	/** What the run did, in the order it happened. */
	Map<String, Object> counts() {
		return this.counts;
	}

	void run() throws Exception {
		KafkaCluster broker = new PipelineBroker(this.pipeline);
		try (TopicProbe<Msisdn, NotificationEvent> notifications = TopicProbe.of(broker, Topics.NOTIFICATION_EVENTS);
				TopicProbe<Msisdn, DeadlineEvent> deadlines = TopicProbe.of(broker, Topics.DEADLINE_EVENTS);
				TopicProbe<Msisdn, LineEvent> lineEvents = TopicProbe.of(broker, Topics.LINE_EVENTS)) {
			this.counts.put("seed-lines", this.pipeline.seedReport().accepted());
			register();
			this.counts.put("bad-requests", new BadOperatorRequests(url(ports().ingest()), this.lines).send());
			for (Line line : this.lines) {
				await("the reminder of a " + line.fate() + " line").atMost(PATIENCE)
					.until(() -> sent(notifications, line.msisdn()).stream()
						.anyMatch((sent) -> sent.channel() == line.fate().channel()));
			}
			count("reminders", this.lines.size());
			for (Line line : lines(Fate.PAID)) {
				pay(line);
				CycleId cycle = new CycleId(line.msisdn(), line.event().validUntil());
				await("the renewal confirmed").atMost(PATIENCE)
					.until(() -> deadlines.values(RenewalConfirmed.class)
						.stream()
						.anyMatch((confirmed) -> confirmed.cycle().equals(cycle)));
				await("the receipt sent").atMost(PATIENCE).until(() -> sent(notifications, line.msisdn()).size() >= 2);
				await("the simulated operator's top-up").atMost(PATIENCE)
					.until(() -> lineEvents.values(ValidityExtended.class)
						.stream()
						.anyMatch((extended) -> extended.msisdn().equals(line.msisdn())));
				count("paid-renewed-topped-up", 1);
			}
			for (Line line : lines(Fate.ERASED)) {
				erase(line);
			}
			browseTheConsole();
		}
	}

	private void register() {
		IngestClient ingest = new IngestClient(url(ports().ingest()));
		for (Line line : this.lines) {
			IngestClient.Outcome outcome = ingest.post(List.of(line.event()), line.operatorKey());
			assertThat(outcome.accepted()).as("registered: %s", outcome.errors()).isEqualTo(1);
		}
		count("lines-registered", this.lines.size());
		Line sms = lines(Fate.SMS).get(0);
		HolderUpdated update = new HolderUpdated(UUID.randomUUID(), null, sms.msisdn(), sms.event().operator(),
				sms.event().holder(), List.of(7, 1), false);
		assertThat(ingest.post(List.of(update), sms.operatorKey()).accepted()).isEqualTo(1);
		count("holders-updated", 1);
	}

	/**
	 * Opens the pay link of the reminder, pays in the sandbox checkout, opens the status
	 * page.
	 */
	private void pay(Line line) throws Exception {
		String email = line.event().holder().email();
		String token = await("the reminder email").atMost(PATIENCE)
			.until(() -> DueLines.payToken(this.pipeline.outbox(), email).orElse(null), (found) -> found != null);
		HttpResponse<String> pay = send("GET", url(ports().payments()) + "/pay/" + token);
		assertThat(pay.statusCode()).as("pay link: %s", pay.body()).isEqualTo(303);
		String checkout = pay.headers().firstValue("Location").orElseThrow();
		// the sandbox page, in the holder's language: its form posts to the sandbox
		assertThat(send("GET", checkout).body()).contains("/sandbox/checkout/");
		HttpResponse<String> paid = send("POST", checkout + "/complete");
		assertThat(paid.statusCode()).isEqualTo(303);
		String status = paid.headers().firstValue("Location").orElseThrow();
		assertThat(send("GET", status).statusCode()).isEqualTo(200);
	}

	/** Erases the line and waits until the scheduler no longer knows it. */
	void erase(Line line) throws Exception {
		LineErased erased = new LineErased(UUID.randomUUID(), null, line.msisdn(), line.event().operator());
		assertThat(new IngestClient(url(ports().ingest())).post(List.of(erased), line.operatorKey()).accepted())
			.isEqualTo(1);
		String path = url(ports().scheduler()) + "/v1/lines/" + line.msisdn().value();
		await("the line erased").atMost(PATIENCE)
			.until(() -> this.http
				.send(HttpRequest.newBuilder(URI.create(path))
					.header("Authorization", "Bearer " + line.operatorKey())
					.build(), HttpResponse.BodyHandlers.ofString())
				.statusCode() == 404);
		count("erased", 1);
	}

	private void browseTheConsole() throws Exception {
		String console = this.pipeline.consoleUrl();
		assertThat(send("GET", console + "/").statusCode()).isEqualTo(401);
		String token = this.pipeline.consoleToken();
		assertThat(send("GET", console + "/", token).statusCode()).isEqualTo(200);
		assertThat(send("GET", console + "/lines/" + this.lines.get(0).msisdn().value(), token).statusCode())
			.isEqualTo(200);
		assertThat(send("GET", console + "/outbox", token).statusCode()).isEqualTo(200);
		assertThat(send("GET", console + "/payments", token).statusCode()).isEqualTo(200);
	}

	private List<Line> lines(Fate fate) {
		return this.lines.stream().filter((line) -> line.fate() == fate).toList();
	}

	private static List<NotificationSent> sent(TopicProbe<Msisdn, NotificationEvent> probe, Msisdn msisdn) {
		return probe.values(NotificationSent.class).stream().filter((sent) -> sent.msisdn().equals(msisdn)).toList();
	}

	private void count(String name, int n) {
		this.counts.merge(name, n, (a, b) -> (Integer) a + (Integer) b);
	}

	private HttpResponse<String> send(String method, String url) throws IOException, InterruptedException {
		return send(method, url, null);
	}

	/**
	 * A request, with the console's token as a Bearer header when {@code token} is set.
	 */
	private HttpResponse<String> send(String method, String url, String token)
			throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
			.timeout(Duration.ofSeconds(30))
			.method(method, HttpRequest.BodyPublishers.noBody());
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	private StandaloneSettings.Ports ports() {
		return this.pipeline.settings().ports();
	}

	private static String url(int port) {
		return StandaloneSettings.url(port);
	}

}
