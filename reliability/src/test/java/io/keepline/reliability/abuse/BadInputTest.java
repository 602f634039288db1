package io.keepline.reliability.abuse;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.keepline.contracts.line.LineRegistered;
import io.keepline.payments.sandbox.StripeSignature;
import io.keepline.reliability.DueLines;
import io.keepline.reliability.ReliabilityReport;
import io.keepline.reliability.Scale;
import io.keepline.reliability.ServiceRun;
import io.keepline.testsupport.RealKafka;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Scenario A of issue #7: every HTTP endpoint of every service fed malformed, oversized,
 * wrongly typed, wrongly encoded and incomplete input, wrong content types, methods and
 * keys. Each request must get the 4xx its row names (never a 5xx, a reset or a hang) with
 * a body that names the problem and echoes no secret and no personal data; then every
 * service is still healthy and still serves a good request. The whole table is sent
 * before the tests, which check what each request got back.
 */
@RealKafka
@ExtendWith(AbuseServices.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputTest {

	/** How many times the whole table is sent. */
	private static final int ROUNDS = Scale.current().pick(1, 10);

	private final Tally tally = new Tally();

	private final List<Sent> barrage = new ArrayList<>();

	private Services services;

	private LineRegistered line;

	@BeforeAll
	void registerALineAndSendTheBarrage(Services running) {
		this.services = running;
		this.line = DueLines.register(this.services.ingest(),
				"abuse-a-" + Instant.now().toEpochMilli() + "@example.com");
		await("the scheduler knows the registered line").atMost(Duration.ofSeconds(30))
			.until(() -> readLine(this.line).status() == 200);
		for (BadRequest bad : table()) {
			List<Answer> answers = new ArrayList<>();
			for (int round = 1; round <= ROUNDS; round++) {
				Http.Reply reply = send(bad);
				List<String> problems = problems(bad, reply);
				this.tally.record(bad, reply, problems);
				answers.add(new Answer(round, reply, problems));
			}
			this.barrage.add(new Sent(bad, answers));
		}
	}

	private static List<BadRequest> table() {
		List<BadRequest> rows = new ArrayList<>(IngestBadRequests.all());
		rows.addAll(CsvBadRequests.all());
		rows.addAll(ReadApiBadRequests.all());
		rows.addAll(PaymentsBadRequests.all());
		return rows;
	}

	Stream<Arguments> badRequests() {
		return this.barrage.stream().map((sent) -> Arguments.of(sent.bad(), sent.answers()));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("badRequests")
	void isRefusedWithTheStatusOfItsRowAndAnAnswerThatNamesTheProblem(BadRequest bad, List<Answer> answers) {
		assertThat(answers).hasSize(ROUNDS);
		for (Answer answer : answers) {
			assertThat(answer.problems()).as("%s answered %s in round %d", bad, excerpt(answer.reply()), answer.round())
				.isEmpty();
		}
	}

	@Test
	void everyServiceIsStillHealthyAndServesAGoodRequestAfterTheBarrage() throws Exception {
		assertThat(this.tally.broken()).as("bad requests answered wrongly").isEmpty();
		assertThat(this.services.all()).allMatch(ServiceRun::healthy);

		String email = "abuse-a-after-" + Instant.now().toEpochMilli() + "@example.com";
		LineRegistered after = DueLines.register(this.services.ingest(), email);
		await("the scheduler serves the new line").atMost(Duration.ofSeconds(30))
			.until(() -> readLine(after).status() == 200);
		String token = await("the notifier emails the reminder").atMost(Duration.ofSeconds(60))
			.until(() -> DueLines.payToken(this.services.smtp(), email).orElse(null), (found) -> found != null);
		Http.Reply pay = await("payments sends the holder to Checkout").atMost(Duration.ofSeconds(30))
			.until(() -> Http.get(this.services.payments().url("/pay/" + token)), (reply) -> reply.status() == 303);
		assertThat(pay.header("Location")).isEqualTo(Services.CHECKOUT_URL);
		String event = "{\"id\": \"evt_abuse_ping\", \"object\": \"event\", \"type\": \"customer.created\", "
				+ "\"created\": " + Instant.now().getEpochSecond() + ", \"data\": {\"object\": {}}}";
		Http.Reply webhook = Http.send(this.services.payments().url("/v1/stripe/webhook"), "POST",
				Map.of("Content-Type", "application/json", "Stripe-Signature",
						StripeSignature.header(ServiceRun.STRIPE_WEBHOOK_SECRET, Instant.now(), event)),
				HttpRequest.BodyPublishers.ofString(event));
		assertThat(webhook.status()).as("a genuine webhook: %s", webhook).isEqualTo(200);
		assertThat(this.services.all()).allMatch(ServiceRun::healthy);

		ReliabilityReport.of("bad-input")
			.count("rounds", ROUNDS)
			.count("endpoints", this.tally.endpoints())
			.count("requests", this.tally.requests())
			.count("4xx", this.tally.clientErrors())
			.count("4xx-from-tomcat-before-the-service", this.tally.beforeTheService())
			.count("200-every-item-rejected", this.tally.itemRejections())
			.count("5xx", this.tally.serverErrors())
			.count("no-answer", this.tally.unanswered())
			.count("unclear-bodies", this.tally.unclear())
			.write();
	}

	/** A row of the table and what it got back in each round. */
	private record Sent(BadRequest bad, List<Answer> answers) {
	}

	private record Answer(int round, Http.Reply reply, List<String> problems) {
	}

	private Http.Reply send(BadRequest bad) {

		ServiceRun service = switch (bad.service()) {
			case INGEST -> this.services.ingest();
			case SCHEDULER -> this.services.scheduler();
			case NOTIFIER -> this.services.notifier();
			case PAYMENTS -> this.services.payments();
		};
		URI uri = service.url(bad.path().replace(ReadApiBadRequests.LINE, this.line.msisdn().value()));
		return Http.send(uri, bad.method(), bad.headers(), (bad.body() != null) ? bad.body().publisher() : null);
	}

	/** Every rule {@code reply} breaks; none when it is the refusal the row asks for. */
	private List<String> problems(BadRequest bad, Http.Reply reply) {
		List<String> problems = new ArrayList<>();
		if (!reply.answered()) {
			problems.add("no answer (" + reply.failure() + ")");
			return problems;
		}
		if (reply.status() != bad.status()) {
			problems.add("status " + reply.status() + " instead of " + bad.status());
		}
		if (!reply.body().toLowerCase().contains(bad.clue().toLowerCase())) {
			problems.add("the answer does not say '" + bad.clue() + "'");
		}
		if (bad.status() == 200 && !reply.body().contains("\"accepted\":0")) {
			problems.add("an item was accepted");
		}
		for (String kept : mustNotEcho()) {
			if (reply.body().contains(kept)) {
				problems.add("the answer echoes '" + kept.substring(0, Math.min(kept.length(), 6)) + "…'");
			}
		}
		return problems;
	}

	/** Secrets of the services and personal data the requests carry. */
	private List<String> mustNotEcho() {
		return List.of(ServiceRun.LINK_SECRET, ServiceRun.STRIPE_WEBHOOK_SECRET, ServiceRun.HOLDER_WEBHOOK_SECRET,
				"reliability-orange-key", "reliability-proximus-key", "sk_test_abuse", IngestBadRequests.MSISDN,
				IngestBadRequests.MSISDN.substring(1), IngestBadRequests.EMAIL, IngestBadRequests.NAME,
				IngestBadRequests.SURNAME, this.line.msisdn().value(), this.line.msisdn().value().substring(1),
				this.line.holder().email());
	}

	private Http.Reply readLine(LineRegistered registered) {
		return Http.send(this.services.scheduler().url("/v1/lines/" + registered.msisdn().value()), "GET",
				Map.of("Authorization", "Bearer " + DueLines.ORANGE_KEY), null);
	}

	private static String excerpt(Http.Reply reply) {
		String text = reply.toString();
		return (text.length() > 600) ? text.substring(0, 600) + "…" : text;
	}

}
