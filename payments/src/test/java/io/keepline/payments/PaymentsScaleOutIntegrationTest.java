package io.keepline.payments;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import io.keepline.contracts.CycleId;
import io.keepline.contracts.Holder;
import io.keepline.contracts.HolderLocale;
import io.keepline.contracts.Money;
import io.keepline.contracts.Msisdn;
import io.keepline.contracts.OperatorId;
import io.keepline.contracts.PaymentMethodRef;
import io.keepline.contracts.deadline.AutoRenewalDue;
import io.keepline.contracts.deadline.DeadlineEvent;
import io.keepline.contracts.deadline.RefundDue;
import io.keepline.contracts.link.LinkPurpose;
import io.keepline.contracts.link.LinkSigner;
import io.keepline.contracts.line.LineErased;
import io.keepline.contracts.linerecord.AutoRenewal;
import io.keepline.contracts.linerecord.CycleState;
import io.keepline.contracts.linerecord.LineRecord;
import io.keepline.contracts.linerecord.SavedMethod;
import io.keepline.contracts.payment.PaymentEvent;
import io.keepline.contracts.payment.PaymentFailed;
import io.keepline.contracts.payment.PaymentMethodCodeRequested;
import io.keepline.contracts.payment.PaymentMethodCodeTried;
import io.keepline.contracts.payment.PaymentMethodSaved;
import io.keepline.contracts.payment.PaymentProcessing;
import io.keepline.contracts.payment.PaymentRefunded;
import io.keepline.contracts.payment.PaymentSource;
import io.keepline.contracts.payment.PaymentSucceeded;
import io.keepline.contracts.topic.Topics;
import io.keepline.payments.line.PaymentHistory;
import io.keepline.payments.line.PaymentHistoryLookup;
import io.keepline.payments.renewal.DeadlineActions;
import io.keepline.testsupport.GroupOffsets;
import io.keepline.testsupport.KafkaCluster;
import io.keepline.testsupport.RealKafka;
import io.keepline.testsupport.TopicProbe;
import io.keepline.testsupport.Unique;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two payments instances on one broker, as an operator scales payments out: each reads
 * every line's record from its global store, so either answers every link; links follow
 * the line record (a later validity, a cancel, an erasure) and never create a Checkout
 * for a cycle that is no longer payable; an automatic renewal is charged only for the
 * current open cycle while fresh, and a replay of deadline-events with Stripe's
 * idempotency keys gone charges nothing again; a one-time code's wrong tries count on
 * every instance together. Through a Stripe outage (cached 500s, a lost answer, an outage
 * past the deadline) a renewal is charged once or published as a retryable failure, and a
 * refund is made once, never dead-lettered.
 */
@RealKafka
class PaymentsScaleOutIntegrationTest {

	static final String LINK_SECRET = "scale-out-link-secret-0123456789abcdef";

	static final LocalDate VALID_UNTIL = LocalDate.now(ZoneOffset.UTC).plusDays(24);

	static final String GROUP = Unique.name("payments-scale");

	static final Duration GATEWAY_DEADLINE = Duration.ofHours(1);

	static final StripeStandIn stripe = new StripeStandIn();

	static final List<ConfigurableApplicationContext> instances = new CopyOnWriteArrayList<>();

	static KafkaProducer<byte[], byte[]> producer;

	static TopicProbe<Msisdn, PaymentEvent> payments;

	static LinkSigner signer;

	static String application;

	final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	@BeforeAll
	static void start(KafkaCluster cluster) throws IOException {
		cluster.createTopics(Topics.LINES, Topics.DEADLINE_EVENTS, Topics.PAYMENT_EVENTS, Topics.LINE_EVENTS);
		cluster.startGroupAtEnd(GROUP, Topics.DEADLINE_EVENTS);
		producer = new KafkaProducer<>(cluster.producerProperties(), new ByteArraySerializer(),
				new ByteArraySerializer());
		payments = TopicProbe.of(cluster, Topics.PAYMENT_EVENTS);
		application = Unique.name("payments-scale") + "-view";
		instances.add(instance(cluster, application));
		instances.add(instance(cluster, application));
		signer = instances.get(0).getBean(LinkSigner.class);
	}

	@AfterAll
	static void stop() {
		instances.forEach(ConfigurableApplicationContext::close);
		payments.close();
		producer.close();
		stripe.close();
	}

	@Test
	void everyLinesLinksAnswerThroughEitherInstanceAndTheOtherServesThemAllOnceOneCloses() throws Exception {
		List<Msisdn> lines = new ArrayList<>();
		for (int i = 0; i < 24; i++) {
			lines.add(Unique.msisdn());
			write(record(lines.get(i), VALID_UNTIL, CycleState.OPEN));
		}
		assertThat(instances).as("two instances at the start").hasSize(2);

		for (ConfigurableApplicationContext instance : instances) {
			for (Msisdn line : lines) {
				assertPayAndStatusAnswer(instance, line);
			}
		}
		ConfigurableApplicationContext closed = instances.remove(1);
		closed.close();
		for (Msisdn line : lines) {
			assertPayAndStatusAnswer(instances.get(0), line);
		}
	}

	@Test
	void anExtendedValidityTurnsTheOldPayLinkIntoARenewedPageAndTheStatusLinkFollows() throws Exception {
		Msisdn line = Unique.msisdn();
		write(record(line, VALID_UNTIL, CycleState.OPEN));
		String pay = "/pay/" + signer.issue(LinkPurpose.PAY, new CycleId(line, VALID_UNTIL), Duration.ofDays(7));
		String status = "/status/"
				+ signer.issue(LinkPurpose.STATUS, new CycleId(line, VALID_UNTIL), Duration.ofDays(7));
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(get(any(), status).body()).contains(english(VALID_UNTIL)));

		write(record(line, VALID_UNTIL.plusYears(1), CycleState.OPEN));

		for (ConfigurableApplicationContext instance : instances) {
			await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
				HttpResponse<String> page = get(instance, pay);
				assertThat(page.statusCode()).isEqualTo(200);
				assertThat(page.body()).contains("Renewed", "valid until " + english(VALID_UNTIL.plusYears(1)));
			});
			await().atMost(Duration.ofSeconds(10))
				.untilAsserted(() -> assertThat(get(instance, status).body())
					.contains(english(VALID_UNTIL.plusYears(1)), "Waiting for payment")
					.doesNotContain(english(VALID_UNTIL)));
		}
		assertThat(stripe.checkoutSessions()).filteredOn((session) -> line.value().equals(session.msisdn()))
			.as("Checkout Sessions created for the line")
			.isEmpty();
	}

	@Test
	void aCancelledOrErasedLineIsNoLongerManagedHere() throws Exception {
		Msisdn cancelled = Unique.msisdn();
		Msisdn erased = Unique.msisdn();
		write(record(cancelled, VALID_UNTIL, CycleState.OPEN));
		write(record(erased, VALID_UNTIL, CycleState.OPEN));
		awaitPayable(cancelled);
		awaitPayable(erased);
		int sessionsBefore = stripe.checkoutSessions().size();

		write(record(cancelled, VALID_UNTIL, CycleState.CANCELLED));
		erase(erased);

		for (Msisdn line : List.of(cancelled, erased)) {
			CycleId cycle = new CycleId(line, VALID_UNTIL);
			for (String path : List.of("/pay/" + signer.issue(LinkPurpose.PAY, cycle, Duration.ofDays(7)),
					"/status/" + signer.issue(LinkPurpose.STATUS, cycle, Duration.ofDays(7)))) {
				await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
					HttpResponse<String> page = get(any(), path);
					assertThat(page.statusCode()).isEqualTo(410);
					assertThat(page.body()).contains("no longer managed here").doesNotContain(line.value());
				});
			}
		}
		assertThat(stripe.checkoutSessions()).hasSize(sessionsBefore);
	}

	/**
	 * Erasure reaches Stripe and payments' own history on both instances; a payment that
	 * still arrives for the line is refunded once, however often Stripe delivers it.
	 */
	@Test
	void anErasedLinesStripeCustomerIsDeletedItsCardForgottenAndALatePaymentRefunded(KafkaCluster cluster)
			throws Exception {
		Msisdn line = Unique.msisdn();
		String customer = "cus_" + UUID.randomUUID().toString().replace("-", "");
		stripe.addCustomer(customer);
		write(record(line, VALID_UNTIL, CycleState.OPEN));
		publish(new PaymentMethodSaved(UUID.randomUUID(), Instant.now(), line,
				new PaymentMethodRef(customer, "pm_erase", "visa", "4242", 12, 2030), "seti_erase", null));
		await().atMost(Duration.ofSeconds(20))
			.until(() -> instances.stream()
				.allMatch((instance) -> history(instance, line).map(PaymentHistory::savedMethod).isPresent()));

		publish(Topics.LINE_EVENTS.name(), line,
				Topics.LINE_EVENTS.valueSerde()
					.serializer()
					.serialize(null, new LineErased(UUID.randomUUID(), Instant.now(), line, OperatorId.of("orange"))));
		erase(line);

		await().atMost(Duration.ofSeconds(20)).until(() -> stripe.deletedCustomers().contains(customer));
		assertThat(stripe.hasCustomer(customer)).isFalse();
		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(instances)
				.allSatisfy((instance) -> assertThat(history(instance, line)).hasValueSatisfying((history) -> {
					assertThat(history.savedMethod()).isNull();
					assertThat(history.codeRequests()).isEmpty();
				})));

		String pi = "pi_late_" + UUID.randomUUID().toString().replace("-", "");
		stripe.paid(pi, 1500, StripeJson.metadata(line, VALID_UNTIL, "checkout"));
		String payload = StripeJson.event("evt_" + pi, "checkout.session.completed", Instant.now(),
				StripeJson.checkoutSession("cs_" + pi, pi, 1500, StripeJson.metadata(line, VALID_UNTIL, "checkout")));
		assertThat(webhook(instances.get(0), payload).statusCode()).isEqualTo(200);
		// delivered again, through whichever instance is left (an earlier test may close
		// one)
		assertThat(webhook(instances.get(instances.size() - 1), payload).statusCode()).isEqualTo(200);

		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(payments.values(PaymentRefunded.class))
				.filteredOn((refunded) -> refunded.msisdn().equals(line))
				.isNotEmpty()
				.allSatisfy((refunded) -> {
					assertThat(refunded.paymentIntentId()).isEqualTo(pi);
					assertThat(refunded.amount()).isEqualTo(Money.of(1500, "EUR"));
				}));
		assertThat(stripe.refunds()).filteredOn((refund) -> pi.equals(refund.params().get("payment_intent")))
			.singleElement()
			.satisfies((refund) -> assertThat(refund.params()).containsEntry("amount", "1500"));
		assertThat(succeeded(line)).isNotEmpty().allSatisfy((paid) -> assertThat(paid.paymentIntentId()).isEqualTo(pi));
		assertDeadLettersAreBounded(cluster);
	}

	/** The dead-letter topics payments declared are deleted within the erasure bound. */
	private static void assertDeadLettersAreBounded(KafkaCluster cluster) throws Exception {
		try (Admin admin = Admin.create(cluster.adminProperties())) {
			for (String topic : List.of(Topics.LINE_EVENTS.deadLetter(), Topics.PAYMENT_EVENTS.deadLetter(),
					Topics.LINES.deadLetter())) {
				ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
				Config config = admin.describeConfigs(List.of(resource)).all().get().get(resource);
				assertThat(config.get(TopicConfig.RETENTION_MS_CONFIG).value()).as(topic)
					.isEqualTo(Long.toString(Duration.ofDays(30).toMillis()));
				assertThat(config.get(TopicConfig.CLEANUP_POLICY_CONFIG).value()).as(topic)
					.isEqualTo(TopicConfig.CLEANUP_POLICY_DELETE);
			}
		}
	}

	@Test
	void chargesAnAutomaticRenewalOnlyForTheCurrentOpenCycleWhileItIsFresh() throws Exception {
		Msisdn stale = Unique.msisdn();
		Msisdn renewed = Unique.msisdn();
		Msisdn due = Unique.msisdn();
		write(record(stale, VALID_UNTIL, CycleState.OPEN));
		write(record(renewed, VALID_UNTIL, CycleState.RENEWED));
		write(record(due, VALID_UNTIL, CycleState.OPEN));
		awaitPayable(due);
		double tooOld = skipped("too_old");
		double notOpen = skipped("not_open");

		send(autoRenewal(stale, Instant.now().minus(Duration.ofHours(21))));
		send(autoRenewal(renewed, Instant.now()));
		send(autoRenewal(due, Instant.now()));

		await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
			assertThat(succeeded(due)).hasSize(1);
			assertThat(skipped("too_old")).isEqualTo(tooOld + 1);
			assertThat(skipped("not_open")).isEqualTo(notOpen + 1);
		});
		assertThat(stripe.paymentIntents()).filteredOn((intent) -> due.value().equals(intent.msisdn())).hasSize(1);
		assertThat(stripe.paymentIntents())
			.filteredOn((intent) -> stale.value().equals(intent.msisdn()) || renewed.value().equals(intent.msisdn()))
			.isEmpty();
	}

	@Test
	void aSepaDebitIsPublishedAsProcessingThenAsItsSettlementDaysLaterFailedOrPaidOnce() throws Exception {
		Msisdn failing = Unique.msisdn();
		Msisdn late = Unique.msisdn();
		for (Msisdn line : List.of(failing, late)) {
			write(sepaRecord(line, CycleState.OPEN));
			stripe.sepaDebit(sepaMethod(line).paymentMethodId());
		}
		awaitPayable(failing);
		awaitPayable(late);

		send(sepaRenewal(failing));
		send(sepaRenewal(late));
		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> assertThat(List.of(failing, late))
				.allSatisfy((line) -> assertThat(published(line, PaymentProcessing.class)).singleElement()));
		// the scheduler holds both cycles while the debits are processed
		write(sepaRecord(failing, CycleState.PAYMENT_PENDING));
		write(sepaRecord(late, CycleState.PAYMENT_PENDING));

		String failed = stripe.settle(published(failing, PaymentProcessing.class).get(0).paymentIntentId(), false);
		String paid = stripe.settle(published(late, PaymentProcessing.class).get(0).paymentIntentId(), true);
		assertThat(webhook(instances.get(0), failed).statusCode()).isEqualTo(200);
		assertThat(webhook(instances.get(instances.size() - 1), paid).statusCode()).isEqualTo(200);

		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			assertThat(published(failing, PaymentFailed.class)).singleElement().satisfies((failure) -> {
				assertThat(failure.paymentIntentId()).isEqualTo(intentOf(failing));
				assertThat(failure.reason()).isEqualTo("insufficient_funds");
				assertThat(failure.retryable()).isTrue();
				assertThat(failure.source()).isEqualTo(PaymentSource.AUTO_RENEWAL);
				assertThat(failure.attempt()).isEqualTo(1);
				assertThat(failure.validUntil()).isEqualTo(VALID_UNTIL);
			});
			assertThat(succeeded(late)).singleElement().satisfies((success) -> {
				assertThat(success.paymentIntentId()).isEqualTo(intentOf(late));
				assertThat(success.amount()).isEqualTo(Money.of(1500, "EUR"));
				assertThat(success.validUntil()).isEqualTo(VALID_UNTIL);
				assertThat(success.attempt()).isEqualTo(1);
			});
		});
		assertThat(succeeded(failing)).isEmpty();
		assertThat(published(late, PaymentFailed.class)).isEmpty();
		assertThat(stripe.paymentIntents())
			.filteredOn((intent) -> failing.value().equals(intent.msisdn()) || late.value().equals(intent.msisdn()))
			.hasSize(2);
		write(sepaRecord(failing, CycleState.CANCELLED));
		write(sepaRecord(late, CycleState.RENEWED));
	}

	private static String intentOf(Msisdn line) {
		return published(line, PaymentProcessing.class).get(0).paymentIntentId();
	}

	private static PaymentMethodRef sepaMethod(Msisdn line) {
		return new PaymentMethodRef("cus_S1", "pm_sepa_" + line.value().substring(1), "sepa_debit", "3000", 0, 0);
	}

	private static AutoRenewalDue sepaRenewal(Msisdn line) {
		return new AutoRenewalDue(UUID.randomUUID(), Instant.now(), line, OperatorId.of("orange"), VALID_UNTIL, 1,
				sepaMethod(line), Money.of(1500, "EUR"));
	}

	private static LineRecord sepaRecord(Msisdn line, CycleState state) {
		LineRecord card = record(line, VALID_UNTIL, state);
		return new LineRecord(line, card.operator(), card.plan(), VALID_UNTIL, state, card.price(),
				new AutoRenewal(true, true, new SavedMethod("sepa_debit", "3000", 0, 0)), card.holder(),
				card.registeredAt(), Instant.now());
	}

	private static <T extends PaymentEvent> List<T> published(Msisdn line, Class<T> type) {
		return payments.values(type).stream().filter((event) -> event.msisdn().equals(line)).toList();
	}

	@Test
	void aReplayOfDeadlineEventsWithStripesKeysForgottenChargesNothingAgain(KafkaCluster cluster) throws Exception {
		Msisdn line = Unique.msisdn();
		write(record(line, VALID_UNTIL, CycleState.OPEN));
		awaitPayable(line);
		send(autoRenewal(line, Instant.now()));
		await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(succeeded(line)).hasSize(1));
		write(record(line, VALID_UNTIL, CycleState.RENEWED));
		awaitStatus(line, "Renewed");
		Map<TopicPartition, Long> ends = GroupOffsets.endOffsets(cluster, Topics.DEADLINE_EVENTS);

		deadlineListeners().forEach(MessageListenerContainer::stop);
		resetGroupToTheStart(cluster);
		stripe.forgetKeys();
		int intentsBefore = stripe.paymentIntents().size();
		double skippedBefore = skippedInAll();
		deadlineListeners().forEach(MessageListenerContainer::start);

		await("the replay read every deadline event again").atMost(Duration.ofSeconds(120))
			.until(() -> GroupOffsets.committedUpTo(cluster, GROUP, ends));
		assertThat(stripe.paymentIntents()).as("PaymentIntents created by the replay").hasSize(intentsBefore);
		assertThat(skippedInAll()).as("automatic renewals skipped by the replay").isGreaterThan(skippedBefore);
		assertThat(succeeded(line)).hasSize(1);
	}

	@Test
	void aFewSecondsOfStripeOutageChargeTheRenewalOnceAfterItWithoutADeadLetter(KafkaCluster cluster) throws Exception {
		Msisdn line = Unique.msisdn();
		write(record(line, VALID_UNTIL, CycleState.OPEN));
		awaitPayable(line);
		int errorsBefore = stripe.serverErrors();
		int replayedBefore = stripe.replayedServerErrors();
		try (TopicProbe<String, String> deadLetters = TopicProbe.raw(cluster, Topics.DEADLINE_EVENTS.deadLetter())) {
			// payments looks the cycle up before it charges: lookups are answered,
			// charges 500
			stripe.creationsFail(true);
			try {
				send(autoRenewal(line, Instant.now()));
				await("Stripe answered the charge and its re-checks with 500s").atMost(Duration.ofSeconds(30))
					.until(() -> stripe.serverErrors() >= errorsBefore + 3);
			}
			finally {
				stripe.creationsFail(false);
			}

			await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(succeeded(line)).hasSize(1));
			assertThat(intentsOf(line)).as("one charge, under a new key: Stripe keeps the first key's 500").hasSize(1);
			assertThat(stripe.replayedServerErrors()).as("the first key's 500, given again after the outage")
				.isGreaterThan(replayedBefore);
			assertThat(succeeded(line).get(0).paymentIntentId()).isEqualTo("pi" + intentsOf(line).get(0).id());
			assertThat(deadLetters.records()).noneMatch((record) -> line.value().equals(record.key()));
		}
	}

	@Test
	void aChargeWhoseAnswerWasLostIsFoundAtStripeAndNotChargedAgain() throws Exception {
		Msisdn line = Unique.msisdn();
		write(record(line, VALID_UNTIL, CycleState.OPEN));
		awaitPayable(line);
		int errorsBefore = stripe.serverErrors();
		stripe.loseAnswers(1);

		send(autoRenewal(line, Instant.now()));

		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(succeeded(line)).hasSize(1));
		assertThat(stripe.serverErrors()).as("the charge's answer was a 500").isGreaterThan(errorsBefore);
		assertThat(intentsOf(line)).hasSize(1);
		assertThat(succeeded(line).get(0).paymentIntentId()).isEqualTo("pi" + intentsOf(line).get(0).id());
	}

	@Test
	void anOutagePastTheDeadlinePublishesOneRetryableGatewayUnavailableFailure() throws Exception {
		Msisdn line = Unique.msisdn();
		write(record(line, VALID_UNTIL, CycleState.OPEN));
		awaitPayable(line);
		int errorsBefore = stripe.serverErrors();
		stripe.outage(true);
		try {
			send(autoRenewal(line, Instant.now().minus(GATEWAY_DEADLINE).plusSeconds(1)));

			await().atMost(Duration.ofSeconds(30))
				.untilAsserted(() -> assertThat(failed(line)).singleElement().satisfies((failure) -> {
					assertThat(failure.reason()).isEqualTo(PaymentFailed.GATEWAY_UNAVAILABLE);
					assertThat(failure.retryable()).isTrue();
					assertThat(failure.attempt()).isEqualTo(1);
				}));
			assertThat(stripe.serverErrors()).isGreaterThan(errorsBefore);
		}
		finally {
			stripe.outage(false);
		}
		assertThat(intentsOf(line)).isEmpty();
		assertThat(succeeded(line)).isEmpty();
	}

	@Test
	void aRefundDueDuringAnOutageIsRefundedOnceAfterIt() throws Exception {
		Msisdn line = Unique.msisdn();
		String intent = "pi_twice_" + line.value().substring(1);
		stripe.paid(intent, 1500, StripeJson.metadata(line, VALID_UNTIL, "checkout"));
		int errorsBefore = stripe.serverErrors();
		stripe.outage(true);
		try {
			send(new RefundDue(UUID.randomUUID(), Instant.now(), line, OperatorId.of("orange"), VALID_UNTIL, intent,
					Money.of(1500, "EUR"), "already_paid"));
			await("Stripe answered the refund and its re-checks with 500s").atMost(Duration.ofSeconds(30))
				.until(() -> stripe.serverErrors() >= errorsBefore + 3);
		}
		finally {
			stripe.outage(false);
		}

		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(payments.values(PaymentRefunded.class))
				.filteredOn((refunded) -> refunded.msisdn().equals(line))
				.singleElement()
				.satisfies((refunded) -> assertThat(refunded.paymentIntentId()).isEqualTo(intent)));
		assertThat(stripe.refunds()).filteredOn((refund) -> intent.equals(refund.params().get("payment_intent")))
			.hasSize(1);
	}

	@Test
	void fiveWrongTriesOfACodeSpreadOverBothInstancesEndItOnBoth(KafkaCluster cluster) throws Exception {
		if (instances.size() < 2) {
			instances.add(instance(cluster, application));
		}
		Msisdn line = Unique.msisdn();
		write(record(line, VALID_UNTIL, CycleState.OPEN));
		awaitPayable(line);
		String page = "/autorenew/"
				+ signer.issue(LinkPurpose.AUTORENEW, new CycleId(line, VALID_UNTIL), Duration.ofDays(1));
		assertThat(postForm(instances.get(0), page + "/code", "").statusCode()).isEqualTo(303);
		PaymentMethodCodeRequested request = await().atMost(Duration.ofSeconds(30))
			.until(() -> payments.values(PaymentMethodCodeRequested.class)
				.stream()
				.filter((r) -> r.msisdn().equals(line))
				.findFirst(), Optional::isPresent)
			.orElseThrow();
		String code = signer.oneTimeCode(request.keyId(), request.eventId(), line, request.expiresAt()).orElseThrow();
		String wrong = code.equals("000000") ? "111111" : "000000";
		awaitWrongTries(line, 0);

		List<Integer> answers = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			answers.add(postForm(instances.get(i % 2), page + "/setup", "code=" + wrong).statusCode());
			awaitWrongTries(line, i + 1);
		}
		int rightOnFirst = postForm(instances.get(0), page + "/setup", "code=" + code).statusCode();
		int rightOnSecond = postForm(instances.get(1), page + "/setup", "code=" + code).statusCode();

		assertThat(answers).containsExactly(422, 422, 422, 422, 429);
		assertThat(List.of(rightOnFirst, rightOnSecond)).as("the right code after five wrong tries")
			.containsExactly(429, 429);
		assertThat(payments.values(PaymentMethodCodeTried.class)).filteredOn((t) -> t.msisdn().equals(line))
			.hasSize(5)
			.noneMatch(PaymentMethodCodeTried::accepted);
		assertThat(stripe.checkoutSessions()).filteredOn((session) -> line.value().equals(session.msisdn()))
			.as("setup sessions created for the line")
			.isEmpty();
	}

	/**
	 * Waits until every instance's history of {@code line} shows {@code count} wrong
	 * tries.
	 */
	private static void awaitWrongTries(Msisdn line, int count) {
		for (ConfigurableApplicationContext instance : instances) {
			await().atMost(Duration.ofSeconds(30))
				.until(() -> instance.getBean(PaymentHistoryLookup.class)
					.history(line)
					.flatMap(PaymentHistory::latestCodeRequest)
					.map((r) -> r.wrongTries().size()), (tries) -> tries.equals(Optional.of(count)));
		}
	}

	private void assertPayAndStatusAnswer(ConfigurableApplicationContext instance, Msisdn line) {
		CycleId cycle = new CycleId(line, VALID_UNTIL);
		String status = "/status/" + signer.issue(LinkPurpose.STATUS, cycle, Duration.ofDays(1));
		String pay = "/pay/" + signer.issue(LinkPurpose.PAY, cycle, Duration.ofDays(1));
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			HttpResponse<String> page = get(instance, status);
			assertThat(page.statusCode()).isEqualTo(200);
			assertThat(page.body()).contains(line.masked(), english(VALID_UNTIL), "Pay now");
			HttpResponse<String> checkout = get(instance, pay);
			assertThat(checkout.statusCode()).isEqualTo(303);
			assertThat(checkout.headers().firstValue("Location")).hasValueSatisfying(
					(location) -> assertThat(location).startsWith("https://checkout.stripe.com/c/pay/cs_stand_in_"));
		});
	}

	private void awaitPayable(Msisdn line) {
		awaitStatus(line, "Pay now");
	}

	private void awaitStatus(Msisdn line, String text) {
		String status = "/status/"
				+ signer.issue(LinkPurpose.STATUS, new CycleId(line, VALID_UNTIL), Duration.ofDays(1));
		for (ConfigurableApplicationContext instance : instances) {
			await().atMost(Duration.ofSeconds(30))
				.untilAsserted(() -> assertThat(get(instance, status).body()).contains(text));
		}
	}

	private static void resetGroupToTheStart(KafkaCluster cluster) {
		Map<TopicPartition, OffsetAndMetadata> start = new HashMap<>();
		for (int p = 0; p < Topics.DEADLINE_EVENTS.partitions(); p++) {
			start.put(new TopicPartition(Topics.DEADLINE_EVENTS.name(), p), new OffsetAndMetadata(0));
		}
		try (Admin admin = Admin.create(cluster.adminProperties())) {
			// the group is empty once the stopped members have left it
			await("the group reset to the start of deadline-events").atMost(Duration.ofSeconds(60))
				.ignoreExceptions()
				.until(() -> admin.alterConsumerGroupOffsets(GROUP, start).all().get() == null);
		}
	}

	private static List<MessageListenerContainer> deadlineListeners() {
		return instances.stream()
			.map((instance) -> instance.getBean(KafkaListenerEndpointRegistry.class)
				.getListenerContainer("payments-deadlines"))
			.toList();
	}

	private static double skipped(String reason) {
		return instances.stream()
			.map((instance) -> instance.getBean(MeterRegistry.class)
				.find(DeadlineActions.SKIPPED)
				.tag("reason", reason)
				.counter())
			.mapToDouble((counter) -> (counter != null) ? counter.count() : 0)
			.sum();
	}

	private static double skippedInAll() {
		return instances.stream()
			.flatMap((instance) -> instance.getBean(MeterRegistry.class)
				.find(DeadlineActions.SKIPPED)
				.counters()
				.stream())
			.mapToDouble(Counter::count)
			.sum();
	}

	private static ConfigurableApplicationContext instance(KafkaCluster cluster, String application)
			throws IOException {
		List<String> args = new ArrayList<>(List.of("--server.port=0", "--management.server.port=0",
				"--spring.main.banner-mode=off", "--spring.kafka.bootstrap-servers=" + cluster.bootstrapServers(),
				"--keepline.payments.stripe.api-key=sk_test_scale",
				"--keepline.payments.stripe.webhook-secret=whsec_scale",
				"--keepline.payments.stripe.api-base=" + stripe.baseUrl(),
				"--spring.kafka.streams.state-dir=" + Files.createTempDirectory("payments-scale"),
				"--spring.kafka.streams.application-id=" + application, "--keepline.payments.group-id=" + GROUP,
				"--keepline.payments.retry-backoff=PT0.1S", "--keepline.payments.retry-attempts=1",
				"--keepline.payments.stripe.max-network-retries=0",
				"--keepline.payments.gateway-retry.initial-backoff=PT0.1S",
				"--keepline.payments.gateway-retry.max-backoff=PT0.4S",
				"--keepline.payments.gateway-retry.deadline=" + GATEWAY_DEADLINE,
				"--keepline.links.secret=" + LINK_SECRET));
		return new SpringApplicationBuilder(PaymentsApplication.class).registerShutdownHook(false)
			.run(args.toArray(String[]::new));
	}

	private HttpResponse<String> postForm(ConfigurableApplicationContext instance, String path, String form)
			throws IOException, InterruptedException {
		int port = ((WebServerApplicationContext) instance).getWebServer().getPort();
		return this.http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> webhook(ConfigurableApplicationContext instance, String payload)
			throws IOException, InterruptedException {
		int port = ((WebServerApplicationContext) instance).getWebServer().getPort();
		return this.http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v1/stripe/webhook"))
			.header("Content-Type", "application/json")
			.header("Stripe-Signature", StripeJson.sign("whsec_scale", Instant.now(), payload))
			.POST(HttpRequest.BodyPublishers.ofString(payload))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static Optional<PaymentHistory> history(ConfigurableApplicationContext instance, Msisdn line) {
		return instance.getBean(PaymentHistoryLookup.class).history(line);
	}

	private static void publish(PaymentEvent event) throws Exception {
		publish(Topics.PAYMENT_EVENTS.name(), event.msisdn(),
				Topics.PAYMENT_EVENTS.valueSerde().serializer().serialize(null, event));
	}

	private static void publish(String topic, Msisdn key, byte[] value) throws Exception {
		producer.send(new ProducerRecord<>(topic, Topics.MSISDN.serializer().serialize(null, key), value)).get();
	}

	private static ConfigurableApplicationContext any() {
		return instances.get((int) (System.nanoTime() % instances.size()));
	}

	private HttpResponse<String> get(ConfigurableApplicationContext instance, String path)
			throws IOException, InterruptedException {
		int port = ((WebServerApplicationContext) instance).getWebServer().getPort();
		return this.http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET().build(),
				HttpResponse.BodyHandlers.ofString());
	}

	private static List<PaymentFailed> failed(Msisdn msisdn) {
		return payments.values(PaymentFailed.class).stream().filter((ko) -> ko.msisdn().equals(msisdn)).toList();
	}

	private static List<StripeStandIn.Created> intentsOf(Msisdn msisdn) {
		return stripe.paymentIntents().stream().filter((intent) -> msisdn.value().equals(intent.msisdn())).toList();
	}

	private static List<PaymentSucceeded> succeeded(Msisdn msisdn) {
		return payments.values(PaymentSucceeded.class).stream().filter((ok) -> ok.msisdn().equals(msisdn)).toList();
	}

	private static LineRecord record(Msisdn msisdn, LocalDate validUntil, CycleState state) {
		Holder holder = new Holder("Ana", "ana@example.com", null, null, HolderLocale.EN, ZoneId.of("Europe/Brussels"));
		AutoRenewal autoRenewal = new AutoRenewal(true, true, new SavedMethod("visa", "4242", 12, 2030));
		return new LineRecord(msisdn, OperatorId.of("orange"), "orange-prepaid-15", validUntil, state,
				Money.of(1500, "EUR"), autoRenewal, holder, Instant.parse("2026-01-01T00:00:00Z"), Instant.now());
	}

	private static AutoRenewalDue autoRenewal(Msisdn msisdn, Instant at) {
		return new AutoRenewalDue(UUID.randomUUID(), at, msisdn, OperatorId.of("orange"), VALID_UNTIL, 1,
				new PaymentMethodRef("cus_S1", "pm_1", "visa", "4242", 12, 2030), Money.of(1500, "EUR"));
	}

	/** Writes a line record as the scheduler would. */
	private static void write(LineRecord record) throws Exception {
		producer
			.send(new ProducerRecord<>(Topics.LINES.name(),
					Topics.LINES.keySerde().serializer().serialize(null, record.msisdn()),
					Topics.LINES.valueSerde().serializer().serialize(null, record)))
			.get();
	}

	/** The tombstone the scheduler writes when a line is erased. */
	private static void erase(Msisdn msisdn) throws Exception {
		producer
			.send(new ProducerRecord<>(Topics.LINES.name(),
					Topics.LINES.keySerde().serializer().serialize(null, msisdn), null))
			.get();
	}

	private static void send(DeadlineEvent due) throws Exception {
		producer
			.send(new ProducerRecord<>(Topics.DEADLINE_EVENTS.name(),
					Topics.DEADLINE_EVENTS.keySerde().serializer().serialize(null, due.msisdn()),
					Topics.DEADLINE_EVENTS.valueSerde().serializer().serialize(null, due)))
			.get();
	}

	/** A date as the English pages write it. */
	static String english(LocalDate date) {
		return DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.ENGLISH).format(date);
	}

}
