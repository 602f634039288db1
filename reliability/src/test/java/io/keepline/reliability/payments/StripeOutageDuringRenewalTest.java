package io.keepline.reliability.payments;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import io.keepline.contracts.Msisdn;
import io.keepline.contracts.deadline.AutoRenewalDue;
import io.keepline.contracts.deadline.DeadlineEvent;
import io.keepline.contracts.payment.PaymentEvent;
import io.keepline.contracts.payment.PaymentFailed;
import io.keepline.contracts.payment.PaymentSucceeded;
import io.keepline.contracts.topic.Topics;
import io.keepline.payments.line.LineRecordLookup;
import io.keepline.payments.line.PaymentHistoryLookup;
import io.keepline.reliability.ConsumerGroups;
import io.keepline.reliability.LineRecords;
import io.keepline.reliability.ReliabilityReport;
import io.keepline.reliability.Scale;
import io.keepline.reliability.ServiceRun;
import io.keepline.reliability.payments.StripeLedger.Charge;
import io.keepline.reliability.payments.StripeStub.Exchange;
import io.keepline.testsupport.KafkaCluster;
import io.keepline.testsupport.RealKafka;
import io.keepline.testsupport.TopicProbe;
import io.keepline.testsupport.Unique;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 17: Stripe fails while automatic renewals are due: first wholly (every request
 * answered 500, lookups included, so payments sends no charge), then only its creations
 * (lookups answered, every PaymentIntent creation answered 500 and saved under its
 * idempotency key as Stripe saves it, so a retry under the same key meets the saved 500).
 * Every cycle is either charged exactly once after the outage, or, when its deadline
 * passes during the outage, published as one retryable {@code gateway_unavailable}
 * failure with nothing charged (the scheduler then plans the next attempt and a reminder
 * with a pay link, {@code AutoRenewalTest}); no renewal is dead-lettered. Full size only
 * in the whole build (starting payments costs more than the default build can spend);
 * {@code -Dkeepline.reliability.full-only-scenarios=run} runs it at the quick size.
 */
@RealKafka
@EnabledIf(value = "chosen", disabledReason = "full size only (-Preliability-full)")
class StripeOutageDuringRenewalTest {

	private static final String API_KEY = "sk_test_reliability_outage";

	private static final Duration DEADLINE = Duration.ofHours(1);

	@TempDir
	Path state;

	@Test
	void chargesEachRenewalOnceAfterTheOutageOrPublishesItsRetryableFailureAtTheDeadline(KafkaCluster cluster)
			throws Exception {
		long started = System.nanoTime();
		int size = Scale.current().pick(30, 1_000);
		Duration outage = Duration.ofSeconds(Scale.current().pick(10, 60));
		LocalDate validUntil = LocalDate.now().plusDays(3);
		List<RenewalCycle> cycles = IntStream.range(0, size)
			.mapToObj((i) -> RenewalCycle.of(0, Unique.msisdn(), validUntil))
			.toList();
		Set<Msisdn> ours = cycles.stream().map(RenewalCycle::msisdn).collect(Collectors.toSet());
		cluster.createTopics(Topics.DEADLINE_EVENTS, Topics.PAYMENT_EVENTS, Topics.LINES);
		String group = Unique.name("payments-outage");
		ConsumerGroups.startAtEnd(cluster, group, Topics.DEADLINE_EVENTS);
		Map<String, String> settings = Map.of("keepline.payments.mode", "stripe", "keepline.payments.stripe.api-key",
				API_KEY, "keepline.payments.stripe.max-network-retries", "0",
				"keepline.payments.gateway-retry.initial-backoff", "PT0.5S",
				"keepline.payments.gateway-retry.max-backoff", "PT2S", "keepline.payments.gateway-retry.deadline",
				DEADLINE.toString(), "keepline.payments.group-id", group);
		ServiceRun[] payments = new ServiceRun[1];
		try (StripeStub stripe = new StripeStub(API_KEY, FaultPlan.none(), Duration.ZERO);
				TopicProbe<Msisdn, PaymentEvent> outcomes = TopicProbe.of(cluster, Topics.PAYMENT_EVENTS);
				TopicProbe<String, String> deadLetters = TopicProbe.raw(cluster, Topics.DEADLINE_EVENTS.deadLetter());
				KafkaProducer<Msisdn, DeadlineEvent> scheduler = new KafkaProducer<>(cluster.producerProperties(),
						Topics.DEADLINE_EVENTS.keySerde().serializer(),
						Topics.DEADLINE_EVENTS.valueSerde().serializer())) {
			payments[0] = startPayments(cluster, stripe, settings);
			try (LineRecords lines = new LineRecords(cluster)) {
				lines.write(cycles.stream().map((cycle) -> LineRecords.openFor(cycle.due(1, Instant.now()))).toList(),
						payments[0].bean(LineRecordLookup.class)::find);
			}

			Set<String> numbers = ours.stream().map(Msisdn::value).collect(Collectors.toSet());
			stripe.ledger().outage(true);
			Instant outageStarts = Instant.now();
			// every other renewal was planned long enough ago that its deadline falls
			// three quarters through the outage, while only creations fail
			Instant lateOnes = outageStarts.minus(DEADLINE).plus(outage.multipliedBy(3).dividedBy(4));
			for (int i = 0; i < size; i++) {
				AutoRenewalDue due = cycles.get(i).due(1, (i % 2 == 1) ? lateOnes : outageStarts);
				scheduler.send(new ProducerRecord<>(Topics.DEADLINE_EVENTS.name(), due.msisdn(), due));
			}
			scheduler.flush();
			Duration whollyDown = outage.dividedBy(4);
			await("Stripe wholly down: lookups fail, nothing sent").during(whollyDown)
				.atMost(whollyDown.plusSeconds(30))
				.until(() -> stripe.sentFor(numbers).isEmpty());
			long sentWhileWhollyDown = stripe.sentFor(numbers).size();
			stripe.ledger().outage(false);
			stripe.ledger().creationsFail(true);
			Duration half = outage.minus(whollyDown).dividedBy(2);
			await("creations fail: 500s saved under their keys, nothing charged").during(half)
				.atMost(half.plusSeconds(30))
				.until(() -> stripe.ledger().charges().isEmpty());
			// a restart forgets which keys met a 500: the new run walks them again,
			// meeting
			// each saved 500, until it reaches a key Stripe has not seen
			payments[0].close();
			int sentBeforeRestart = stripe.exchanges().size();
			payments[0] = startPayments(cluster, stripe, settings);
			await("creations still fail after the restart").during(half)
				.atMost(half.plusSeconds(30))
				.until(() -> stripe.ledger().charges().isEmpty());
			stripe.ledger().creationsFail(false);

			await("an outcome for every renewal").atMost(Duration.ofSeconds(Scale.current().pick(60, 600)))
				.untilAsserted(() -> assertThat(ours(outcomes, ours)).hasSizeGreaterThanOrEqualTo(size));
			await("nothing more").during(Duration.ofSeconds(3))
				.atMost(Duration.ofSeconds(30))
				.untilAsserted(() -> assertThat(ours(outcomes, ours)).hasSize(size));

			List<Charge> charges = stripe.ledger().chargesFor(numbers);
			Map<String, Long> chargesPerLine = charges.stream()
				.collect(Collectors.groupingBy((c) -> c.metadata("keepline_msisdn"), Collectors.counting()));
			List<PaymentEvent> published = ours(outcomes, ours);
			List<PaymentFailed> unavailable = published.stream()
				.filter(PaymentFailed.class::isInstance)
				.map(PaymentFailed.class::cast)
				.filter((f) -> PaymentFailed.GATEWAY_UNAVAILABLE.equals(f.reason()))
				.toList();
			List<PaymentSucceeded> paid = published.stream()
				.filter(PaymentSucceeded.class::isInstance)
				.map(PaymentSucceeded.class::cast)
				.toList();
			List<Exchange> sent = stripe.sentFor(numbers);
			List<Exchange> sentAfterRestart = stripe.exchanges()
				.subList(sentBeforeRestart, stripe.exchanges().size())
				.stream()
				.filter((e) -> numbers.contains(e.metadata("keepline_msisdn")))
				.toList();
			long serverErrors = sent.stream().filter((e) -> e.status() >= 500).count();
			long replayedErrors = sent.stream().filter((e) -> e.status() >= 500 && e.replayed()).count();
			Set<String> metSavedErrorsAgain = sentAfterRestart.stream()
				.filter((e) -> e.status() >= 500 && e.replayed())
				.map((e) -> e.metadata("keepline_msisdn"))
				.collect(Collectors.toSet());
			long deadLettered = deadLetters.records().stream().filter((r) -> numbers.contains(r.key())).count();

			assertThat(sentWhileWhollyDown).as("charges sent while Stripe answered no lookup").isZero();
			assertThat(serverErrors).as("500s answered to charges during the outage").isGreaterThanOrEqualTo(size);
			assertThat(metSavedErrorsAgain).as("renewals whose key sent again after the restart met Stripe's saved 500")
				.containsAll(paid.stream().map((ok) -> ok.msisdn().value()).toList());
			assertThat(unavailable).as("retryable gateway_unavailable failures")
				.hasSize(size / 2)
				.allSatisfy((f) -> assertThat(f.retryable()).isTrue())
				.allSatisfy((f) -> assertThat(chargesPerLine).doesNotContainKey(f.msisdn().value()));
			assertThat(paid).as("renewals paid after the outage")
				.hasSize(size - size / 2)
				.allSatisfy((ok) -> assertThat(chargesPerLine.get(ok.msisdn().value())).isEqualTo(1L));
			assertThat(chargesPerLine.values()).as("charges per line").containsOnly(1L);
			assertThat(deadLettered).as("renewals dead-lettered").isZero();
			assertThat(payments[0].healthy()).isTrue();

			ReliabilityReport.of("stripe-outage-during-renewal")
				.count("cycles", size)
				.count("outage-seconds", outage.toSeconds())
				.count("stripe-500s", serverErrors)
				.count("replayed-500s", replayedErrors)
				.count("whole-outage-seconds", whollyDown.toSeconds())
				.count("charges-sent-while-wholly-down", sentWhileWhollyDown)
				.count("renewals-meeting-saved-500s-after-restart", metSavedErrorsAgain.size())
				.count("charges-made", charges.size())
				.count("double-charges", chargesPerLine.values().stream().mapToLong((n) -> n - 1).sum())
				.count("payment-succeeded", paid.size())
				.count("gateway-unavailable", unavailable.size())
				.count("dead-lettered", deadLettered)
				.count("seconds", Duration.ofNanos(System.nanoTime() - started).toSeconds())
				.write();
		}
		finally {
			if (payments[0] != null) {
				payments[0].close();
			}
		}
	}

	private ServiceRun startPayments(KafkaCluster cluster, StripeStub stripe, Map<String, String> settings) {
		Map<String, String> properties = new HashMap<>(settings);
		properties.put("keepline.payments.stripe.api-base", stripe.baseUrl());
		ServiceRun payments = ServiceRun.payments(cluster.bootstrapServers(), this.state, properties);
		await("payments' stores").atMost(Duration.ofSeconds(60))
			.ignoreExceptions()
			.until(() -> payments.bean(PaymentHistoryLookup.class).history(Unique.msisdn()).isEmpty());
		return payments;
	}

	static boolean chosen() {
		return Scale.current() == Scale.FULL
				|| "run".equals(System.getProperty("keepline.reliability.full-only-scenarios"));
	}

	private static List<PaymentEvent> ours(TopicProbe<Msisdn, PaymentEvent> probe, Set<Msisdn> ours) {
		return probe.values().stream().filter((event) -> ours.contains(event.msisdn())).toList();
	}

}
