package io.keepline.reliability.payments;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import io.keepline.contracts.Msisdn;
import io.keepline.contracts.deadline.DeadlineEvent;
import io.keepline.contracts.deadline.RefundDue;
import io.keepline.contracts.deadline.RenewalConfirmed;
import io.keepline.contracts.line.LineEvent;
import io.keepline.contracts.payment.PaymentEvent;
import io.keepline.contracts.payment.PaymentFailed;
import io.keepline.contracts.payment.PaymentRefunded;
import io.keepline.contracts.payment.PaymentSucceeded;
import io.keepline.contracts.topic.Topics;
import io.keepline.payments.line.PaymentHistoryLookup;
import io.keepline.reliability.ConsumerGroups;
import io.keepline.reliability.ReliabilityReport;
import io.keepline.reliability.Scale;
import io.keepline.reliability.ServiceRun;
import io.keepline.reliability.payments.CheckoutCycle.Story;
import io.keepline.reliability.payments.WebhookDelivery.Forgery;
import io.keepline.reliability.payments.WebhookSender.Result;
import io.keepline.testsupport.KafkaCluster;
import io.keepline.testsupport.RealKafka;
import io.keepline.testsupport.TopicProbe;
import io.keepline.testsupport.Unique;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue #7: 1,000 Stripe webhook deliveries, replayed and shuffled from concurrent
 * senders, with failures arriving after successes, second payments, stale and forged
 * deliveries, through real payments and scheduler services. Each Stripe event is applied
 * once, each cycle confirmed once, each second payment refunded once.
 */
@RealKafka
class ShuffledWebhookReplayTest {

	private static final String API_KEY = "sk_test_reliability_webhooks";

	private static final int DELIVERIES = 1_000;

	@TempDir
	Path state;

	@Test
	void appliesEachStripeEventOnceAndConfirmsEachCycleOnceWhateverTheOrderAndRepeats(KafkaCluster cluster)
			throws Exception {
		long started = System.nanoTime();
		int size = Scale.current().pick(48, 120);
		LocalDate validUntil = LocalDate.now(ZoneId.of("Europe/Brussels")).plusDays(60);
		List<CheckoutCycle> cycles = IntStream.range(0, size)
			.mapToObj((i) -> CheckoutCycle.of(i, Unique.msisdn(), validUntil))
			.toList();
		Set<Msisdn> ours = cycles.stream().map(CheckoutCycle::msisdn).collect(Collectors.toSet());
		List<CheckoutCycle> paidTwice = cycles.stream().filter((c) -> c.story() == Story.PAID_TWICE).toList();
		List<StripeEvent> events = stripeEvents(cycles);
		WebhookDelivery.Waves waves = WebhookDelivery.plan(events, DELIVERIES, new Random(7));
		cluster.createTopics(Topics.LINE_EVENTS, Topics.DEADLINE_EVENTS, Topics.PAYMENT_EVENTS);
		String schedulerId = Unique.name("scheduler-webhooks");
		String paymentsGroup = Unique.name("payments-webhooks");
		ConsumerGroups.startAtEnd(cluster, schedulerId, Topics.LINE_EVENTS, Topics.PAYMENT_EVENTS);
		ConsumerGroups.startAtEnd(cluster, paymentsGroup, Topics.DEADLINE_EVENTS);
		try (StripeStub stripe = new StripeStub(API_KEY, FaultPlan.none(), Duration.ZERO);
				TopicProbe<Msisdn, PaymentEvent> payments = TopicProbe.of(cluster, Topics.PAYMENT_EVENTS);
				TopicProbe<Msisdn, DeadlineEvent> deadlines = TopicProbe.of(cluster, Topics.DEADLINE_EVENTS);
				ServiceRun scheduler = ServiceRun.scheduler(cluster.bootstrapServers(), this.state.resolve("scheduler"),
						Map.of("spring.kafka.streams.application-id", schedulerId));
				ServiceRun service = ServiceRun.payments(cluster.bootstrapServers(), this.state.resolve("payments"),
						Map.of("keepline.payments.mode", "stripe", "keepline.payments.stripe.api-key", API_KEY,
								"keepline.payments.stripe.api-base", stripe.baseUrl(), "keepline.payments.group-id",
								paymentsGroup));
				KafkaProducer<Msisdn, LineEvent> ingest = new KafkaProducer<>(cluster.producerProperties(),
						Topics.LINE_EVENTS.keySerde().serializer(), Topics.LINE_EVENTS.valueSerde().serializer());
				WebhookSender stripeRetries = new WebhookSender(service.url("/v1/stripe/webhook"),
						ServiceRun.STRIPE_WEBHOOK_SECRET, Scale.current().pick(4, 8))) {
			register(ingest, cycles, scheduler);
			cycles.forEach((c) -> c.paidIntents().forEach((pi) -> stripe.ledger().paid(pi, CheckoutCycle.AMOUNT)));
			await("payments' stores").atMost(Duration.ofSeconds(60))
				.ignoreExceptions()
				.until(() -> service.bean(PaymentHistoryLookup.class).history(Unique.msisdn()).isEmpty());

			List<Result> results = new ArrayList<>(stripeRetries.deliver(waves.first()));
			results.addAll(stripeRetries.deliver(waves.second()));

			int expectedPayments = size + 2 * paidTwice.size()
					+ (int) cycles.stream().filter((c) -> c.failedIntent() != null).count();
			await("payment and deadline events").atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
				assertThat(ours(payments.values(), ours)).hasSizeGreaterThanOrEqualTo(expectedPayments);
				assertThat(ours(deadlines.values(RenewalConfirmed.class), ours)).hasSizeGreaterThanOrEqualTo(size);
			});
			await("nothing more").during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
				assertThat(ours(payments.values(), ours)).hasSize(expectedPayments);
				assertThat(ours(deadlines.values(RenewalConfirmed.class), ours)).hasSize(size);
				assertThat(ours(deadlines.values(RefundDue.class), ours)).hasSize(paidTwice.size());
			});
			List<PaymentEvent> published = ours(payments.values(), ours);
			List<RenewalConfirmed> confirmations = ours(deadlines.values(RenewalConfirmed.class), ours);
			long confirmedOnce = cycles.stream()
				.filter((c) -> confirmations.stream().filter((r) -> r.msisdn().equals(c.msisdn())).count() == 1)
				.count();
			WebhookReplayChecks.assertAnswered(results, DELIVERIES);
			WebhookReplayChecks.assertEachEventAppliedOnce(events, published);
			WebhookReplayChecks.assertEachCycleConfirmedOnce(cycles, published, ours(deadlines.values(), ours),
					stripe.ledger().refunds());
			assertThat(confirmedOnce).as("cycles confirmed exactly once").isEqualTo(size);
			assertThat(service.healthy()).as("payments healthy").isTrue();

			ReliabilityReport.of("webhook-replay-shuffled")
				.count("cycles", size)
				.count("deliveries", results.size())
				.count("senders", Scale.current().pick(4, 8))
				.count("distinct-events", events.size())
				.count("status-200", results.stream().filter((r) -> r.status() == 200).count())
				.count("status-400", results.stream().filter((r) -> r.status() == 400).count())
				.count("status-other", results.stream().filter((r) -> r.status() != 200 && r.status() != 400).count())
				.count("status-503-retried", results.stream().mapToInt(Result::unavailable).sum())
				.count("stale-or-forged",
						results.stream().filter((r) -> r.delivery().forgery() != Forgery.NONE).count())
				.count("payment-events", published.size())
				.count("payment-succeeded", published.stream().filter(PaymentSucceeded.class::isInstance).count())
				.count("payment-failed", published.stream().filter(PaymentFailed.class::isInstance).count())
				.count("payment-refunded", published.stream().filter(PaymentRefunded.class::isInstance).count())
				.count("duplicates",
						published.size() - published.stream().map(PaymentEvent::eventId).distinct().count())
				.count("cycles-confirmed-once", confirmedOnce)
				.count("refunds-due", ours(deadlines.values(RefundDue.class), ours).size())
				.count("refunds-made", stripe.ledger().refunds().size())
				.count("seconds", Duration.ofNanos(System.nanoTime() - started).toSeconds())
				.write();
		}
	}

	private static List<StripeEvent> stripeEvents(List<CheckoutCycle> cycles) {
		Instant now = Instant.now();
		List<StripeEvent> events = new ArrayList<>();
		for (int i = 0; i < cycles.size(); i++) {
			events.addAll(cycles.get(i).events(now));
			if (i % 10 == 0) {
				events.add(cycles.get(i).foreignEvent(now));
			}
		}
		return events;
	}

	/** Writes the lines as ingest would and waits until the scheduler knows every one. */
	private static void register(KafkaProducer<Msisdn, LineEvent> ingest, List<CheckoutCycle> cycles,
			ServiceRun scheduler) {
		Instant now = Instant.now();
		cycles.forEach((cycle) -> ingest
			.send(new ProducerRecord<>(Topics.LINE_EVENTS.name(), cycle.msisdn(), cycle.registration(now))));
		ingest.flush();
		HttpClient http = HttpClient.newHttpClient();
		List<Msisdn> unknown = new ArrayList<>(cycles.stream().map(CheckoutCycle::msisdn).toList());
		await("the scheduler knows every line").atMost(Duration.ofSeconds(90)).until(() -> {
			unknown.removeIf((msisdn) -> known(http, scheduler.url("/v1/lines/" + msisdn.value())));
			return unknown.isEmpty();
		});
	}

	private static boolean known(HttpClient http, URI line) {
		HttpRequest request = HttpRequest.newBuilder(line)
			.header("Authorization", "Bearer reliability-orange-key")
			.build();
		try {
			return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
		}
		catch (IOException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	private static <E> List<E> ours(List<E> events, Set<Msisdn> ours) {
		return events.stream().filter((event) -> ours.contains(msisdn(event))).toList();
	}

	private static Msisdn msisdn(Object event) {
		return (event instanceof PaymentEvent payment) ? payment.msisdn() : ((DeadlineEvent) event).msisdn();
	}

}
