package io.keepline.reliability.smtp;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.keepline.contracts.Msisdn;
import io.keepline.contracts.notification.NotificationEvent;
import io.keepline.contracts.notification.NotificationFailed;
import io.keepline.contracts.notification.NotificationSent;
import io.keepline.contracts.topic.Topics;
import io.keepline.notifier.NotifierSettings;
import io.keepline.notifier.delivery.LineLookup;
import io.keepline.reliability.ReliabilityReport;
import io.keepline.reliability.Scale;
import io.keepline.reliability.ServiceRun;
import io.keepline.reliability.Steady;
import io.keepline.reliability.smtp.ReminderFlow.Published;
import io.keepline.reliability.smtp.SmtpServers.Delivery;
import io.keepline.testsupport.KafkaCluster;
import io.keepline.testsupport.RealKafka;
import io.keepline.testsupport.TopicProbe;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue #7: the SMTP server goes down while reminders flow. A real notifier reads a
 * steady flow of reminders; the SMTP server is killed mid-flow and a new one started on
 * the same port after the outage. Every reminder must reach a server, once, with one
 * {@code NotificationSent} each and nothing dead-lettered, and the notifier must stay
 * live and ready throughout.
 */
@RealKafka
class SmtpOutageTest {

	private static final Scale SCALE = Scale.current();

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final int REMINDERS = SCALE.pick(150, 1_200);

	private static final Duration BEFORE = Duration.ofSeconds(SCALE.pick(3, 10));

	private static final Duration OUTAGE = Duration.ofSeconds(SCALE.pick(7, 30));

	private static final Duration AFTER = Duration.ofSeconds(SCALE.pick(3, 15));

	private static final Duration QUIET = Duration.ofSeconds(SCALE.pick(3, 5));

	/**
	 * Retry backoff shortened for the test (the product default starts at 5 s and grows
	 * to an hour); the last interval repeats, and the attempts cover the outage twice
	 * over.
	 */
	private static final Duration MAX_BACKOFF = Duration.ofSeconds(2);

	private static final int ATTEMPTS = (int) (2 * OUTAGE.toSeconds() / MAX_BACKOFF.toSeconds()) + 4;

	private final List<String> healthDuringOutage = new CopyOnWriteArrayList<>();

	private final SmtpServers smtp = new SmtpServers();

	private ServiceRun notifier;

	private TopicProbe<Msisdn, NotificationEvent> outcomes;

	private TopicProbe<String, String> deadLetters;

	@BeforeEach
	void startNotifier(KafkaCluster cluster) {
		cluster.createTopics(Topics.DEADLINE_EVENTS, Topics.NOTIFICATION_EVENTS, Topics.LINES);
		this.smtp.start();
		this.notifier = ServiceRun.notifier(cluster.bootstrapServers(), "127.0.0.1", this.smtp.port(),
				Map.of("keepline.notifier.retry.initial-backoff", "500ms", "keepline.notifier.retry.multiplier", "2",
						"keepline.notifier.retry.max-backoff", MAX_BACKOFF.toMillis() + "ms",
						"keepline.notifier.retry.attempts", Integer.toString(ATTEMPTS),
						"management.endpoint.health.show-components", "always"));
		this.outcomes = TopicProbe.of(cluster, Topics.NOTIFICATION_EVENTS);
		this.deadLetters = TopicProbe.raw(cluster, Topics.DEADLINE_EVENTS.deadLetter());
	}

	@AfterEach
	void stop() {
		this.outcomes.close();
		this.deadLetters.close();
		this.notifier.close();
		this.smtp.close();
	}

	@Test
	void deliversEveryReminderOnceAfterTheSmtpOutage(KafkaCluster cluster) {
		Instant started = Instant.now();
		Duration length = BEFORE.plus(OUTAGE).plus(AFTER);
		List<Published> published;
		Instant outageStarted;
		Instant outageEnded;
		Instant allDelivered;
		try (ReminderFlow flow = ReminderFlow.start(cluster, REMINDERS, length, this.notifier.bean(LineLookup.class))) {
			int beforeOutage = (int) (REMINDERS * BEFORE.toMillis() / length.toMillis());
			await("reminders flowing and delivered before the outage").atMost(Duration.ofSeconds(60))
				.until(() -> flow.publishedCount() >= beforeOutage && this.smtp.received() > 0);

			this.smtp.kill();
			outageStarted = Instant.now();
			await("the notifier staying live and ready while SMTP is down").during(OUTAGE)
				.atMost(OUTAGE.plusSeconds(30))
				.pollInterval(Duration.ofMillis(500))
				.until(this::liveAndReadyNotingHealth);
			this.smtp.start();
			outageEnded = Instant.now();

			await("every reminder written").atMost(AFTER.plusSeconds(30)).until(flow::finished);
			assertThat(flow.failedSends()).as("reminders the broker refused").isZero();
			published = flow.published();
		}
		List<String> emails = published.stream().map(Published::email).toList();
		await("every reminder delivered").atMost(Duration.ofSeconds(SCALE.pick(60, 180)))
			.until(() -> this.smtp.deliveries().keySet().containsAll(emails));
		allDelivered = Instant.now();
		await("nothing more arriving").during(QUIET)
			.atMost(QUIET.multipliedBy(6))
			.until(Steady.count(() -> this.smtp.received() + this.outcomes.records().size()));
		assertThat(this.notifier.healthy()).as("/actuator/health once SMTP is back").isTrue();

		assertThat(published).hasSize(REMINDERS);
		long writtenDuringOutage = published.stream()
			.filter((p) -> !p.at().isBefore(outageStarted) && p.at().isBefore(outageEnded))
			.count();
		assertThat(writtenDuringOutage).as("reminders written while SMTP was down").isPositive();
		List<String> duplicated = assertEveryReminderDeliveredAndCountDuplicates(published);
		Map<Msisdn, Published> byMsisdn = published.stream()
			.collect(Collectors.toMap((p) -> p.reminder().msisdn(), Function.identity()));
		List<NotificationSent> sent = assertOneNotificationSentPerReminder(byMsisdn);
		List<NotificationFailed> deferred = outcomes(NotificationFailed.class, byMsisdn);
		assertThat(deferred).as("deferred sends while SMTP was down").isNotEmpty().allSatisfy((event) -> {
			assertThat(event.permanent()).isFalse();
			assertThat(event.reason()).isEqualTo("smtp_unavailable");
		});
		// the dead-letter topic is shared with other scenarios on the same broker, whose
		// poison records may have keys that are not numbers at all
		Set<String> numbers = byMsisdn.keySet().stream().map(Msisdn::value).collect(Collectors.toSet());
		long deadLettered = this.deadLetters.records()
			.stream()
			.filter((record) -> record.key() != null && numbers.contains(record.key()))
			.count();
		assertThat(deadLettered).as("reminders dead-lettered").isZero();
		assertThat(this.healthDuringOutage).as("health while SMTP was down")
			.isNotEmpty()
			.containsOnly("health 503 DOWN (mail DOWN), liveness 200 UP, readiness 200 UP");

		ReliabilityReport.of("smtp-outage")
			.count("reminders-written", published.size())
			.count("written-during-outage", writtenDuringOutage)
			.count("outage-seconds", seconds(outageStarted, outageEnded))
			.count("reminders-delivered", this.smtp.deliveries().keySet().stream().filter(emails::contains).count())
			.count("emails-received", this.smtp.received())
			.count("duplicates", duplicated.size())
			.count("notification-sent", sent.size())
			.count("deferred-attempts", deferred.size())
			.count("dead-lettered", deadLettered)
			.count("health-during-outage", String.join("; ", new LinkedHashSet<>(this.healthDuringOutage)))
			.count("health-polls-during-outage", this.healthDuringOutage.size())
			.count("all-delivered-seconds-after-restart", seconds(outageEnded, allDelivered))
			.count("duration-seconds", seconds(started, Instant.now()))
			.write();
	}

	/**
	 * Asserts that every reminder reached an SMTP server and that every copy is that
	 * reminder's email; returns the addresses that received more than one copy.
	 */
	private List<String> assertEveryReminderDeliveredAndCountDuplicates(List<Published> published) {
		Map<String, List<Delivery>> deliveries = this.smtp.deliveries();
		assertThat(published).allSatisfy((p) -> assertThat(deliveries.get(p.email())).as("email to %s", p.email())
			.isNotEmpty()
			.allSatisfy((copy) -> assertThat(copy.subject()).contains(p.reminder().msisdn().masked())));
		List<String> duplicated = published.stream()
			.map(Published::email)
			.filter((email) -> deliveries.get(email).size() > 1)
			.toList();
		assertThat(duplicated)
			.as("duplicates: only a send in flight when the server died can be delivered twice "
					+ "(message stored, connection closed before the 250 reply reached the notifier)")
			.hasSizeLessThanOrEqualTo(concurrentSenders())
			.allSatisfy((email) -> assertThat(deliveries.get(email).get(0).instance()).isZero());
		return duplicated;
	}

	/**
	 * SMTP sends that can be in flight when the server dies: the notifier's email pool
	 * (for deadline events and their retries alike) sends on that many threads, one
	 * message at a time each.
	 */
	private int concurrentSenders() {
		return this.notifier.bean(NotifierSettings.class).smtpConnections();
	}

	private List<NotificationSent> assertOneNotificationSentPerReminder(Map<Msisdn, Published> byMsisdn) {
		List<NotificationSent> sent = outcomes(NotificationSent.class, byMsisdn);
		assertThat(sent).as("one NotificationSent per reminder").hasSize(REMINDERS);
		assertThat(sent.stream().map(NotificationSent::msisdn).distinct()).hasSize(REMINDERS);
		assertThat(sent).allSatisfy((event) -> {
			Published reminder = byMsisdn.get(event.msisdn());
			assertThat(event.sourceEventId()).isEqualTo(reminder.reminder().eventId());
			assertThat(event.locale()).isEqualTo(reminder.holder().locale());
			assertThat(event.template()).isEqualTo(template(reminder.reminder().stage()));
		});
		return sent;
	}

	private <T extends NotificationEvent> List<T> outcomes(Class<T> type, Map<Msisdn, Published> byMsisdn) {
		return this.outcomes.values(type).stream().filter((event) -> byMsisdn.containsKey(event.msisdn())).toList();
	}

	/**
	 * Whether the liveness and readiness groups answer 200 UP; notes what the health
	 * endpoint and its groups say, as {@code "<code> <status>"} each.
	 */
	private boolean liveAndReadyNotingHealth() throws Exception {
		HttpResponse<String> root = this.notifier.getManagement("/actuator/health");
		HttpResponse<String> liveness = this.notifier.getManagement("/actuator/health/liveness");
		HttpResponse<String> readiness = this.notifier.getManagement("/actuator/health/readiness");
		JsonNode rootBody = JSON.readTree(root.body());
		this.healthDuringOutage.add("health " + root.statusCode() + " " + rootBody.path("status").asString() + " (mail "
				+ rootBody.at("/components/mail/status").asString() + "), liveness " + summary(liveness)
				+ ", readiness " + summary(readiness));
		return up(liveness) && up(readiness);
	}

	private static String summary(HttpResponse<String> response) {
		return response.statusCode() + " " + JSON.readTree(response.body()).path("status").asString();
	}

	private static boolean up(HttpResponse<String> response) {
		return "200 UP".equals(summary(response));
	}

	private static double seconds(Instant from, Instant to) {
		return Duration.between(from, to).toMillis() / 1000.0;
	}

	private static String template(int stage) {
		return switch (stage) {
			case 30 -> "reminder-informational";
			case 7 -> "reminder-firm";
			default -> "reminder-urgent";
		};
	}

}
