package io.keepline.payments;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.regex.Matcher;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
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
import io.keepline.contracts.format.HolderFormat;
import io.keepline.contracts.link.LinkPurpose;
import io.keepline.contracts.link.LinkSigner;
import io.keepline.contracts.link.LinkVerification;
import io.keepline.contracts.linekey.LineKey;
import io.keepline.contracts.linekey.LineKeyId;
import io.keepline.contracts.linerecord.AutoRenewal;
import io.keepline.contracts.linerecord.CycleState;
import io.keepline.contracts.linerecord.LineRecord;
import io.keepline.contracts.linerecord.SavedMethod;
import io.keepline.contracts.payment.AutoRenewalStopped;
import io.keepline.contracts.payment.TopUpReported;
import io.keepline.contracts.payment.PaymentDisputed;
import io.keepline.contracts.payment.PaymentEvent;
import io.keepline.contracts.payment.PaymentFailed;
import io.keepline.contracts.payment.PaymentMethodCodeRequested;
import io.keepline.contracts.payment.PaymentMethodRemoved;
import io.keepline.contracts.payment.PaymentMethodSaved;
import io.keepline.contracts.payment.PaymentProcessing;
import io.keepline.contracts.payment.PaymentRefunded;
import io.keepline.contracts.payment.PaymentSource;
import io.keepline.contracts.payment.PaymentSucceeded;
import io.keepline.contracts.topic.KeyMismatchException;
import io.keepline.contracts.topic.Topics;
import io.keepline.payments.line.PaymentHistory;
import io.keepline.payments.line.PaymentHistoryLookup;
import io.keepline.payments.webhook.PaymentEventPublisher;
import io.keepline.testsupport.KafkaCluster;
import io.keepline.testsupport.RealKafka;
import io.keepline.testsupport.TopicProbe;
import io.keepline.testsupport.Unique;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The payments service on a real broker with stripe-java pointed at a Stripe-shaped stub:
 * line records and deadline-events in, pages and webhooks over HTTP, payment-events out.
 */
@RealKafka
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
// closed after the class: a cached context would go on consuming deadline-events and act
// on
// (charge, dead-letter) what later test classes send
@DirtiesContext
class PaymentsIntegrationTest {

	static final String WEBHOOK_SECRET = "whsec_integration";

	static final String LINK_SECRET = "integration-link-secret-0123456789abcdef";

	static final WireMockServer stripe = new WireMockServer(options().dynamicPort());

	/**
	 * Where the stub sends payment method detaches: a stand-in that behaves like Stripe.
	 */
	static final StripeStandIn standIn = new StripeStandIn();

	static final LocalDate VALID_UNTIL = LocalDate.now(ZoneOffset.UTC).plusDays(24);

	static Path stateDir;

	static KafkaProducer<byte[], byte[]> producer;

	static TopicProbe<Msisdn, PaymentEvent> payments;

	private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	@LocalServerPort
	int port;

	@LocalManagementPort
	int managementPort;

	@Autowired
	LinkSigner signer;

	@Autowired
	PaymentHistoryLookup histories;

	@Autowired
	PaymentEventPublisher publisher;

	@DynamicPropertySource
	static void settings(DynamicPropertyRegistry registry) throws IOException {
		// what each plan's operator allows after a lapse, for the status page
		registry.add("keepline.plans.file",
				() -> java.nio.file.Path.of("..", "seeds", "plans.yml").toAbsolutePath().normalize().toString());
		stripe.start();
		// payments looks the cycle's charge up before every automatic renewal: none yet
		stripe.stubFor(WireMock.get(urlPathEqualTo("/v1/payment_intents")).willReturn(okJson("""
				{"object": "list", "url": "/v1/payment_intents", "has_more": false, "data": []}""")));
		stripe.stubFor(post(urlPathMatching("/v1/payment_methods/[^/]+/detach"))
			.willReturn(aResponse().proxiedFrom(standIn.baseUrl())));
		stateDir = Files.createTempDirectory("payments-it");
		registry.add("keepline.payments.stripe.api-key", () -> "sk_test_integration");
		registry.add("keepline.payments.stripe.webhook-secret", () -> WEBHOOK_SECRET);
		registry.add("keepline.payments.stripe.api-base", stripe::baseUrl);
		registry.add("keepline.payments.stripe.read-timeout", () -> "PT3S");
		registry.add("spring.kafka.streams.state-dir", () -> stateDir.toString());
		registry.add("spring.kafka.streams.application-id", () -> Unique.name("payments-it") + "-view");
		registry.add("keepline.payments.group-id", () -> Unique.name("payments-it"));
		registry.add("keepline.payments.retry-backoff", () -> "PT0.2S");
		registry.add("keepline.payments.retry-attempts", () -> "1");
		registry.add("keepline.links.secret", () -> LINK_SECRET);
		registry.add("keepline.operators.keys", () -> "orange=orange-key-0123456789,proximus=proximus-key-0123456");
	}

	@BeforeAll
	static void topics(KafkaCluster cluster) {
		cluster.createTopics(Topics.LINES, Topics.DEADLINE_EVENTS, Topics.PAYMENT_EVENTS);
		producer = new KafkaProducer<>(cluster.producerProperties(), new ByteArraySerializer(),
				new ByteArraySerializer());
		payments = TopicProbe.of(cluster, Topics.PAYMENT_EVENTS);
	}

	@AfterAll
	static void close() {
		payments.close();
		producer.close();
		stripe.stop();
		standIn.close();
	}

	@Test
	void payLinkRedirectsToACheckoutSessionReusedWhileItsWindowIsOpen() throws Exception {
		Msisdn msisdn = Unique.msisdn();
		write(record(msisdn, HolderLocale.FR));
		stripe.stubFor(post(urlEqualTo("/v1/checkout/sessions"))
			.withFormParam("metadata[keepline_msisdn]", equalTo(msisdn.value()))
			.willReturn(okJson("""
					{"id": "cs_test_%1$s", "object": "checkout.session", "mode": "payment", "status": "open",
					 "url": "https://checkout.stripe.com/c/pay/cs_test_%1$s"}"""
				.formatted(msisdn.value().substring(1)))));
		String token = this.signer.issue(LinkPurpose.PAY, new CycleId(msisdn, VALID_UNTIL), Duration.ofDays(7));

		HttpResponse<String> first = awaitKnown("/pay/" + token);
		HttpResponse<String> second = get("/pay/" + token);

		assertThat(first.statusCode()).isEqualTo(303);
		assertThat(first.headers().firstValue("Location"))
			.hasValue("https://checkout.stripe.com/c/pay/cs_test_" + msisdn.value().substring(1));
		assertThat(second.statusCode()).isEqualTo(303);
		long window = Clock.systemUTC().instant().getEpochSecond() / Duration.ofHours(12).toSeconds();
		stripe.verify(2, postRequestedFor(urlEqualTo("/v1/checkout/sessions"))
			.withHeader("Idempotency-Key", equalTo("checkout:" + msisdn.value() + ":" + VALID_UNTIL + ":" + window))
			.withFormParam("metadata[keepline_valid_until]", equalTo(VALID_UNTIL.toString()))
			.withFormParam("line_items[0][price_data][unit_amount]", equalTo("1500"))
			.withFormParam("locale", equalTo("fr")));
	}

	@Test
	void tamperedAndExpiredPayLinksAreRefused() throws Exception {
		Msisdn msisdn = Unique.msisdn();
		write(record(msisdn, HolderLocale.EN));
		CycleId cycle = new CycleId(msisdn, VALID_UNTIL);
		String token = this.signer.issue(LinkPurpose.PAY, cycle, Duration.ofDays(7));
		String tampered = token.substring(0, token.length() - 2) + (token.endsWith("A") ? "BB" : "AA");

		assertThat(get("/pay/" + tampered).statusCode()).isEqualTo(403);
		awaitKnown("/status/" + this.signer.issue(LinkPurpose.STATUS, cycle, Duration.ofDays(1)));
		HttpResponse<String> expired = get("/pay/" + this.signer.issue(LinkPurpose.PAY, cycle, Duration.ofSeconds(-1)));
		assertThat(expired.statusCode()).isEqualTo(410);
		assertThat(expired.body()).contains("This link has expired").contains("href=\"/pay/");
	}

	@Test
	void aVerifiedWebhookIsPublishedOnceAndThePayLinkThenSaysAlreadyRenewed() throws Exception {
		Msisdn msisdn = Unique.msisdn();
		write(record(msisdn, HolderLocale.FR));
		// payments refunds a payment for a line it holds no record of (an erased line):
		// the webhook goes once payments has read the record
		awaitKnown("/status/"
				+ this.signer.issue(LinkPurpose.STATUS, new CycleId(msisdn, VALID_UNTIL), Duration.ofDays(1)));
		String pi = "pi_" + UUID.randomUUID().toString().replace("-", "");
		String eventId = "evt_" + UUID.randomUUID().toString().replace("-", "");
		String payload = StripeJson.event(eventId, "checkout.session.completed", Instant.now(),
				StripeJson.checkoutSession("cs_" + pi, pi, 1500, StripeJson.metadata(msisdn, VALID_UNTIL, "checkout")));

		assertThat(webhook(payload).statusCode()).isEqualTo(200);
		assertThat(webhook(payload).statusCode()).isEqualTo(200);

		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(succeeded(msisdn)).singleElement()
				.satisfies((ok) -> assertThat(ok.stripeEventId()).isEqualTo(eventId)));
		String token = this.signer.issue(LinkPurpose.PAY, new CycleId(msisdn, VALID_UNTIL), Duration.ofDays(7));
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			HttpResponse<String> page = get("/pay/" + token);
			assertThat(page.statusCode()).isEqualTo(200);
			assertThat(page.body()).contains("Déjà renouvelé")
				.contains(DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.FRENCH).format(VALID_UNTIL));
		});
		assertThat(webhook(payload).statusCode()).isEqualTo(200);
		assertThat(succeeded(msisdn)).hasSize(1);
	}

	/**
	 * The status page writes the valid-until date and the price in each language's own
	 * form, the one the notifier's emails use (MessageRenderingTest asserts the same
	 * forms): not a pattern such as {@code d MMMM yyyy}, which printed "15 十二月 2026"
	 * where the email says "2026年12月15日".
	 */
	@Test
	void theStatusPageWritesDatesAndAmountsInEachLanguagesOwnFormAsTheEmailsDo() throws Exception {
		Map<HolderLocale, String> dates = Map.of(HolderLocale.EN,
				DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.ENGLISH).format(VALID_UNTIL), HolderLocale.FR,
				DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.FRENCH).format(VALID_UNTIL), HolderLocale.NL,
				DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.forLanguageTag("nl")).format(VALID_UNTIL),
				HolderLocale.DE, DateTimeFormatter.ofPattern("d. MMMM uuuu", Locale.GERMAN).format(VALID_UNTIL),
				HolderLocale.ZH,
				VALID_UNTIL.getYear() + "年" + VALID_UNTIL.getMonthValue() + "月" + VALID_UNTIL.getDayOfMonth() + "日");
		Map<HolderLocale, String> prices = Map.of(HolderLocale.EN, "€15\\.00", HolderLocale.FR,
				"15,00[\\s\u00a0\u202f]€", HolderLocale.NL, "€[\\s\u00a0]15,00", HolderLocale.DE, "15,00[\\s\u00a0]€",
				HolderLocale.ZH, "€15\\.00");
		Map<HolderLocale, Msisdn> lines = new EnumMap<>(HolderLocale.class);
		for (HolderLocale locale : HolderLocale.values()) {
			lines.put(locale, Unique.msisdn());
			write(record(lines.get(locale), locale));
		}
		for (HolderLocale locale : HolderLocale.values()) {
			String body = awaitKnown("/status/" + this.signer.issue(LinkPurpose.STATUS,
					new CycleId(lines.get(locale), VALID_UNTIL), Duration.ofDays(1)))
				.body();
			assertThat(body).as(locale.name())
				.contains("lang=\"" + locale.toLocale().getLanguage() + "\"")
				.contains(dates.get(locale))
				.containsPattern(prices.get(locale));
		}
	}

	/**
	 * A lapsed line's status page says until when the operator keeps the number and until
	 * when it can be recovered (the plan's {@code afterLapse}), in the holder's language;
	 * a plan the configuration does not know gives the general words.
	 */
	@Test
	void aLapsedLinesStatusPageSaysWhatTheHolderCanStillDoAndUntilWhen() throws Exception {
		Msisdn known = Unique.msisdn();
		Msisdn unknown = Unique.msisdn();
		write(lapsed(record(known, HolderLocale.FR), "orange-prepaid-15"));
		write(lapsed(record(unknown, HolderLocale.FR), "unknown-plan"));

		String page = awaitKnown(
				"/status/" + this.signer.issue(LinkPurpose.STATUS, new CycleId(known, VALID_UNTIL), Duration.ofDays(1)))
			.body();
		DateTimeFormatter french = DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.FRENCH);
		String apostrophe = "(&#39;|')";
		assertThat(page)
			.containsPattern("vous le garde jusqu" + apostrophe + "au " + french.format(VALID_UNTIL.plusDays(30)))
			.containsPattern("jusqu" + apostrophe + "au " + french.format(VALID_UNTIL.plusDays(90)));
		assertThat(awaitKnown("/status/"
				+ this.signer.issue(LinkPurpose.STATUS, new CycleId(unknown, VALID_UNTIL), Duration.ofDays(1)))
			.body()).containsPattern("Votre numéro n(&#39;|')a pas été renouvelé")
			.contains("contactez-le au plus vite");
	}

	private static LineRecord lapsed(LineRecord open, String plan) {
		return new LineRecord(open.msisdn(), open.operator(), plan, open.validUntil(), CycleState.LAPSED, open.price(),
				open.autoRenewal(), open.holder(), open.registeredAt(), open.updatedAt());
	}

	@Test
	void aWebhookWithAWrongSignatureIsRefused() throws Exception {
		String payload = StripeJson.event("evt_bad", "checkout.session.completed", Instant.now(), StripeJson
			.checkoutSession("cs_bad", "pi_bad", 1500, StripeJson.metadata(Unique.msisdn(), VALID_UNTIL, "checkout")));
		HttpRequest request = HttpRequest.newBuilder(uri("/v1/stripe/webhook"))
			.header("Stripe-Signature", StripeJson.sign("whsec_wrong", Instant.now(), payload))
			.POST(HttpRequest.BodyPublishers.ofString(payload))
			.build();

		assertThat(this.http.send(request, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(400);
	}

	@Test
	void aWebhookBodyOverOneMebibyteGets413NotAResetConnection() throws Exception {
		byte[] tenMebibytes = new byte[10 * 1024 * 1024];
		for (int attempt = 1; attempt <= 5; attempt++) {
			HttpRequest request = HttpRequest.newBuilder(uri("/v1/stripe/webhook"))
				.header("Content-Type", "application/json")
				.header("Stripe-Signature", "t=1,v1=00")
				.POST(HttpRequest.BodyPublishers.ofByteArray(tenMebibytes))
				.build();
			HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());

			assertThat(response.statusCode()).isEqualTo(413);
			assertThat(response.body()).contains("larger than 1048576 bytes");
		}
	}

	@Test
	void theStatusPageSpeaksTheHoldersLanguage() throws Exception {
		Msisdn french = Unique.msisdn();
		Msisdn chinese = Unique.msisdn();
		write(record(french, HolderLocale.FR));
		write(record(chinese, HolderLocale.ZH));

		HttpResponse<String> fr = awaitKnown("/status/"
				+ this.signer.issue(LinkPurpose.STATUS, new CycleId(french, VALID_UNTIL), Duration.ofDays(1)));
		HttpResponse<String> zh = awaitKnown("/status/"
				+ this.signer.issue(LinkPurpose.STATUS, new CycleId(chinese, VALID_UNTIL), Duration.ofDays(1)));

		assertThat(fr.body()).contains("Votre numéro", "En attente de paiement", "Payer maintenant", french.masked())
			.doesNotContain(french.value());
		assertThat(zh.body()).contains("您的号码", "等待付款", "立即付款", chinese.masked()).doesNotContain(chinese.value());
	}

	@Test
	void aLapsedLinesLinksAnswerWithWhatTheHolderCanStillDoNeverADeadEnd() throws Exception {
		Msisdn msisdn = Unique.msisdn();
		LineRecord open = record(msisdn, HolderLocale.EN);
		write(new LineRecord(msisdn, open.operator(), open.plan(), open.validUntil(), CycleState.LAPSED, open.price(),
				open.autoRenewal(), open.holder(), open.registeredAt(), Instant.now()));
		CycleId cycle = new CycleId(msisdn, VALID_UNTIL);

		HttpResponse<String> status = awaitKnown(
				"/status/" + this.signer.issue(LinkPurpose.STATUS, cycle, Duration.ofDays(1)));
		assertThat(status.statusCode()).isEqualTo(200);
		assertThat(status.body()).contains("Lapsed", "Your operator keeps it for you until "
				+ DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.ENGLISH).format(VALID_UNTIL.plusDays(30)));
		HttpResponse<String> pay = get("/pay/" + this.signer.issue(LinkPurpose.PAY, cycle, Duration.ofDays(1)));
		assertThat(pay.statusCode()).isEqualTo(200);
		assertThat(pay.body()).contains("Please contact your operator", "/status/");
	}

	@Test
	void anAutomaticRenewalIsChargedOffSessionAndItsOutcomePublished() throws Exception {
		Msisdn msisdn = Unique.msisdn();
		String pi = "pi_auto_" + msisdn.value().substring(1);
		stripe.stubFor(post(urlEqualTo("/v1/payment_intents"))
			.withFormParam("metadata[keepline_msisdn]", equalTo(msisdn.value()))
			.willReturn(okJson(StripeJson.paymentIntent(pi, "succeeded", 1500,
					StripeJson.metadata(msisdn, VALID_UNTIL, "auto_renewal"), "null"))));
		AutoRenewalDue due = new AutoRenewalDue(UUID.randomUUID(), Instant.now(), msisdn, OperatorId.of("orange"),
				VALID_UNTIL, 2, new PaymentMethodRef("cus_T1", "pm_1", "visa", "4242", 12, 2030),
				Money.of(1500, "EUR"));
		write(record(msisdn, HolderLocale.NL));
		awaitKnown("/status/"
				+ this.signer.issue(LinkPurpose.STATUS, new CycleId(msisdn, VALID_UNTIL), Duration.ofDays(1)));

		send(due);

		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(succeeded(msisdn)).singleElement().satisfies((ok) -> {
				assertThat(ok.source()).isEqualTo(PaymentSource.AUTO_RENEWAL);
				assertThat(ok.attempt()).isEqualTo(2);
				assertThat(ok.paymentIntentId()).isEqualTo(pi);
			}));
		stripe.verify(1, postRequestedFor(urlEqualTo("/v1/payment_intents")).withHeader("Idempotency-Key",
				equalTo(due.idempotencyKey())));
	}

	@Test
	void aSepaDebitIsPublishedAsProcessingThenItsSettlementAndADisputeIsRecordedOnce() throws Exception {
		Msisdn msisdn = Unique.msisdn();
		String pi = "pi_sepa_" + msisdn.value().substring(1);
		String metadata = StripeJson.metadata(msisdn, VALID_UNTIL, "auto_renewal");
		stripe.stubFor(post(urlEqualTo("/v1/payment_intents"))
			.withFormParam("metadata[keepline_msisdn]", equalTo(msisdn.value()))
			.willReturn(okJson(StripeJson.paymentIntent(pi, "processing", 1500, metadata, "null"))));
		stripe.stubFor(WireMock.get(urlPathEqualTo("/v1/payment_intents/" + pi))
			.willReturn(okJson(StripeJson.paymentIntent(pi, "succeeded", 1500, metadata, "null"))));
		// the record shows the SEPA mandate the renewal charges (payments charges no
		// other)
		write(record(msisdn, HolderLocale.EN, new SavedMethod("sepa_debit", "3000", 0, 0)));
		awaitKnown("/status/"
				+ this.signer.issue(LinkPurpose.STATUS, new CycleId(msisdn, VALID_UNTIL), Duration.ofDays(1)));

		send(new AutoRenewalDue(UUID.randomUUID(), Instant.now(), msisdn, OperatorId.of("orange"), VALID_UNTIL, 1,
				new PaymentMethodRef("cus_T1", "pm_sepa", "sepa_debit", "3000", 0, 0), Money.of(1500, "EUR")));
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(of(msisdn, PaymentProcessing.class)).singleElement()
				.satisfies((processing) -> assertThat(processing.paymentIntentId()).isEqualTo(pi)));

		String settled = StripeJson.event("evt_settled_" + msisdn.value().substring(1), "payment_intent.payment_failed",
				Instant.now(), StripeJson.paymentIntent(pi, "requires_payment_method", 1500, metadata,
						StripeJson.cardError("insufficient_funds", null)));
		assertThat(webhook(settled).statusCode()).isEqualTo(200);
		String dispute = StripeJson.dispute("dp_" + msisdn.value().substring(1), "ch_1", pi, 1500, "fraudulent");
		for (String eventId : new String[] { "evt_dp1_", "evt_dp2_" }) {
			assertThat(webhook(StripeJson.event(eventId + msisdn.value().substring(1), "charge.dispute.created",
					Instant.now(), dispute))
				.statusCode()).isEqualTo(200);
		}

		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			assertThat(of(msisdn, PaymentFailed.class)).singleElement()
				.satisfies((failed) -> assertThat(failed.paymentIntentId()).isEqualTo(pi));
			assertThat(of(msisdn, PaymentDisputed.class)).singleElement().satisfies((disputed) -> {
				assertThat(disputed.paymentIntentId()).isEqualTo(pi);
				assertThat(disputed.reason()).isEqualTo("fraudulent");
				assertThat(disputed.validUntil()).isEqualTo(VALID_UNTIL);
			});
		});
		assertThat(of(msisdn, PaymentProcessing.class)).hasSize(1);
		// the due stays on the shared broker's deadline-events, unpaid: later test
		// classes'
		// payments instances must not charge it again
		write(new LineRecord(msisdn, OperatorId.of("orange"), "orange-prepaid-15", VALID_UNTIL, CycleState.CANCELLED,
				Money.of(1500, "EUR"), AutoRenewal.OFF, record(msisdn, HolderLocale.EN).holder(),
				Instant.parse("2026-01-01T00:00:00Z"), Instant.now()));
	}

	private static <T extends PaymentEvent> java.util.List<T> of(Msisdn msisdn, Class<T> type) {
		return payments.values(type).stream().filter((event) -> event.msisdn().equals(msisdn)).toList();
	}

	@Test
	void aPaymentForAnAlreadyPaidCycleIsRefundedOnceAndAPoisonRecordIsDeadLettered(KafkaCluster cluster)
			throws Exception {
		// the service declared the dead-letter topic with all its partitions at start-up
		TopicProbe<String, String> deadLetters = TopicProbe.raw(cluster, Topics.DEADLINE_EVENTS.deadLetter());
		Msisdn msisdn = Unique.msisdn();
		String pi = "pi_dup_" + msisdn.value().substring(1);
		stripe
			.stubFor(post(urlEqualTo("/v1/refunds")).withFormParam("payment_intent", equalTo(pi)).willReturn(okJson("""
					{"id": "re_%s", "object": "refund", "amount": 1500, "currency": "eur", "payment_intent": "%s",
					 "status": "succeeded", "created": 1764000000, "metadata": {}}""".formatted(pi, pi))));
		producer.send(new ProducerRecord<>(Topics.DEADLINE_EVENTS.name(), msisdn.value().getBytes(),
				"{\"type\": \"Nonsense\"}".getBytes()));

		send(new RefundDue(UUID.randomUUID(), Instant.now(), msisdn, OperatorId.of("orange"), VALID_UNTIL, pi,
				Money.of(1500, "EUR"), "already_paid"));

		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(payments.values(PaymentRefunded.class))
				.filteredOn((r) -> r.msisdn().equals(msisdn))
				.singleElement()
				.satisfies((r) -> assertThat(r.refundId()).isEqualTo("re_" + pi)));
		stripe.verify(1,
				postRequestedFor(urlEqualTo("/v1/refunds")).withHeader("Idempotency-Key", equalTo("refund:" + pi)));
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(deadLetters.records())
				.anySatisfy((record) -> assertThat(record.key()).isEqualTo(msisdn.value())));
		deadLetters.close();
	}

	@Test
	void aDeadlineEventKeyedByAnotherLineIsDeadLetteredAndNotCharged(KafkaCluster cluster) throws Exception {
		TopicProbe<String, String> deadLetters = TopicProbe.raw(cluster, Topics.DEADLINE_EVENTS.deadLetter());
		Msisdn msisdn = Unique.msisdn();
		Msisdn other = Unique.msisdn();
		AutoRenewalDue due = new AutoRenewalDue(UUID.randomUUID(), Instant.now(), msisdn, OperatorId.of("orange"),
				VALID_UNTIL, 1, new PaymentMethodRef("cus_T2", "pm_2", "visa", "4242", 12, 2030),
				Money.of(1500, "EUR"));

		producer
			.send(new ProducerRecord<>(Topics.DEADLINE_EVENTS.name(), other.value().getBytes(StandardCharsets.UTF_8),
					Topics.DEADLINE_EVENTS.valueSerde().serializer().serialize(null, due)))
			.get();

		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(deadLetters.records())
				.filteredOn((record) -> other.value().equals(record.key()))
				.anySatisfy((record) -> assertThat(new String(
						record.headers().lastHeader("kafka_dlt-exception-cause-fqcn").value(), StandardCharsets.UTF_8))
					.isEqualTo(KeyMismatchException.class.getName())));
		deadLetters.close();
		stripe.verify(0, postRequestedFor(urlEqualTo("/v1/payment_intents")).withHeader("Idempotency-Key",
				equalTo(due.idempotencyKey())));
		assertThat(succeeded(msisdn)).isEmpty();
	}

	private java.util.List<PaymentSucceeded> succeeded(Msisdn msisdn) {
		return payments.values(PaymentSucceeded.class).stream().filter((ok) -> ok.msisdn().equals(msisdn)).toList();
	}

	@Test
	void savingACardFromALinkTakesTheOneTimeCodeSentToTheHolderFirst() throws Exception {
		Msisdn msisdn = Unique.msisdn();
		write(record(msisdn, HolderLocale.EN));
		stripe.stubFor(post(urlEqualTo("/v1/checkout/sessions")).withFormParam("mode", equalTo("setup"))
			.withFormParam("metadata[keepline_msisdn]", equalTo(msisdn.value()))
			.willReturn(okJson("""
					{"id": "cs_test_setup_%1$s", "object": "checkout.session", "mode": "setup", "status": "open",
					 "url": "https://checkout.stripe.com/c/setup/cs_test_%1$s"}"""
				.formatted(msisdn.value().substring(1)))));
		String page = "/autorenew/"
				+ this.signer.issue(LinkPurpose.AUTORENEW, new CycleId(msisdn, VALID_UNTIL), Duration.ofDays(1));

		HttpResponse<String> opened = awaitKnown(page);
		HttpResponse<String> noCodeYet = postForm(page + "/setup", "code=123456");
		HttpResponse<String> asked = postForm(page + "/code", "");
		HttpResponse<String> askedAgain = postForm(page + "/code", "");

		assertThat(opened.statusCode()).isEqualTo(200);
		assertThat(opened.body()).contains("Send me a code", "your email address");
		assertThat(noCodeYet.statusCode()).isEqualTo(422);
		assertThat(noCodeYet.body()).contains("expired or was not sent yet");
		assertThat(asked.statusCode()).isEqualTo(303);
		assertThat(asked.headers().firstValue("Location"))
			.hasValueSatisfying((l) -> assertThat(l).endsWith(page + "?sent"));
		assertThat(askedAgain.statusCode()).isEqualTo(429);
		assertThat(askedAgain.headers().firstValue("Retry-After")).isPresent();
		PaymentMethodCodeRequested request = await().atMost(Duration.ofSeconds(30))
			.until(() -> payments.values(PaymentMethodCodeRequested.class)
				.stream()
				.filter((r) -> r.msisdn().equals(msisdn))
				.toList(), (found) -> !found.isEmpty())
			.get(0);
		String code = this.signer.oneTimeCode(request.keyId(), request.eventId(), msisdn, request.expiresAt())
			.orElseThrow();
		assertThat(new String(Topics.PAYMENT_EVENTS.valueSerde().serializer().serialize(null, request),
				StandardCharsets.UTF_8))
			.doesNotContain(code);
		await().atMost(Duration.ofSeconds(30))
			.until(() -> this.histories.history(msisdn).flatMap(PaymentHistory::latestCodeRequest).isPresent());
		stripe.verify(0, postRequestedFor(urlEqualTo("/v1/checkout/sessions")).withFormParam("mode", equalTo("setup"))
			.withFormParam("metadata[keepline_msisdn]", equalTo(msisdn.value())));

		HttpResponse<String> wrong = postForm(page + "/setup", "code=" + (code.equals("000000") ? "111111" : "000000"));
		HttpResponse<String> right = postForm(page + "/setup", "code=" + code);
		HttpResponse<String> replayed = postForm(page + "/setup", "code=" + code);

		assertThat(wrong.statusCode()).isEqualTo(422);
		assertThat(wrong.body()).contains("This code is not right. Tries left: 4.");
		assertThat(right.statusCode()).isEqualTo(303);
		assertThat(right.headers().firstValue("Location"))
			.hasValue("https://checkout.stripe.com/c/setup/cs_test_" + msisdn.value().substring(1));
		assertThat(replayed.statusCode()).isEqualTo(429);
		stripe.verify(1, postRequestedFor(urlEqualTo("/v1/checkout/sessions")).withFormParam("mode", equalTo("setup"))
			.withFormParam("metadata[keepline_msisdn]", equalTo(msisdn.value())));
	}

	@Test
	void aHolderTurnsAutomaticRenewalOffFromTheStatusPageOnceAndTheCardStays(KafkaCluster cluster) throws Exception {
		Msisdn msisdn = Unique.msisdn();
		LineRecord line = record(msisdn, HolderLocale.EN);
		String card = saveCard(line);
		// on payment-events the card is sealed under a line key payments wrote first: a
		// reader without the keys (the catalogue's serde) sees the Stripe ids alone
		assertThat(of(msisdn, PaymentMethodSaved.class)).singleElement()
			.satisfies((saved) -> assertThat(saved.paymentMethod())
				.isEqualTo(new PaymentMethodRef("cus_" + card, card, null, null, 0, 0)));
		try (TopicProbe<LineKeyId, LineKey> keys = TopicProbe.of(cluster, Topics.LINE_KEYS)) {
			await().atMost(Duration.ofSeconds(30))
				.untilAsserted(() -> assertThat(keys.records()).extracting(ConsumerRecord::key)
					.filteredOn((id) -> id.msisdn().equals(msisdn))
					.hasSize(1));
		}
		String status = "/status/"
				+ this.signer.issue(LinkPurpose.STATUS, new CycleId(msisdn, VALID_UNTIL), Duration.ofDays(1));
		String shown = awaitKnown(status).body();
		assertThat(shown).contains("will be charged to your visa card ending in 4242 on",
				"days before your validity ends", "Turn off automatic renewal", "Remove my card");
		Matcher preferences = Pattern.compile("href=\"http://localhost:8083/preferences/([A-Za-z0-9_.-]+)\"")
			.matcher(shown);
		assertThat(preferences.find()).as("a link to the notifier's preference page").isTrue();
		assertThat(this.signer.verify(preferences.group(1), LinkPurpose.PREFERENCES))
			.isInstanceOf(LinkVerification.Valid.class);

		HttpResponse<String> off = postFrom(status + "/autorenew/off", origin());
		HttpResponse<String> again = postFrom(status + "/autorenew/off", origin());

		assertThat(off.statusCode()).isEqualTo(200);
		assertThat(off.body())
			.contains("Automatic renewal is off.",
					"Off. Your visa card ending in 4242 stays saved but is not charged automatically.")
			.doesNotContain("Turn off automatic renewal");
		assertThat(again.statusCode()).isEqualTo(200);
		assertThat(again.body()).contains("Automatic renewal is off.");
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(of(msisdn, AutoRenewalStopped.class)).singleElement()
				.satisfies((stopped) -> assertThat(stopped.registeredAt()).isEqualTo(line.registeredAt())));
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(get(status).body()).contains("stays saved but is not charged"));
		assertThat(standIn.detached()).doesNotContain(card);
	}

	@Test
	void aHolderSaysTheyAlreadyToppedUpOnceAndTheirRemindersPauseForThreeDaysInTheirLanguage() throws Exception {
		Msisdn msisdn = Unique.msisdn();
		LineRecord line = record(msisdn, HolderLocale.NL);
		write(line);
		String status = "/status/"
				+ this.signer.issue(LinkPurpose.STATUS, new CycleId(msisdn, VALID_UNTIL), Duration.ofDays(1));
		assertThat(awaitKnown(status).body()).contains("Ik heb al opgewaardeerd bij mijn operator", "/topped-up")
			.doesNotContain("Herinneringen zijn gepauzeerd");
		assertThat(postFrom(status + "/topped-up", "https://pages.example.net").statusCode()).isEqualTo(403);

		HttpResponse<String> reported = postFrom(status + "/topped-up", origin());
		HttpResponse<String> again = postFrom(status + "/topped-up", origin());

		TopUpReported event = await().atMost(Duration.ofSeconds(30))
			.until(() -> of(msisdn, TopUpReported.class), (found) -> !found.isEmpty())
			.get(0);
		assertThat(event.registeredAt()).isEqualTo(line.registeredAt());
		assertThat(event.validUntil()).isEqualTo(VALID_UNTIL);
		assertThat(event.pausedUntil()).isEqualTo(event.occurredAt().plus(Duration.ofDays(3)));
		String until = HolderFormat.of(HolderLocale.NL)
			.date(LocalDate.ofInstant(event.pausedUntil(), ZoneId.of("Europe/Brussels")));
		assertThat(reported.statusCode()).isEqualTo(200);
		assertThat(reported.body())
			.contains("We hebben uw operator op de hoogte gebracht", "Herinneringen zijn gepauzeerd tot " + until)
			.doesNotContain("/topped-up");
		assertThat(again.statusCode()).isEqualTo(200);
		assertThat(again.body()).contains("Herinneringen zijn gepauzeerd tot " + until);
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(get(status).body()).contains("Herinneringen zijn gepauzeerd tot " + until,
					"Opwaardering gemeld"));
		assertThat(of(msisdn, TopUpReported.class)).as("the second report is the same event").hasSize(1);
	}

	@Test
	void aHolderRemovesTheirCardWhichIsDetachedAtStripeAndNamedNowhere() throws Exception {
		Msisdn msisdn = Unique.msisdn();
		String card = saveCard(record(msisdn, HolderLocale.EN));
		String status = "/status/"
				+ this.signer.issue(LinkPurpose.STATUS, new CycleId(msisdn, VALID_UNTIL), Duration.ofDays(1));
		awaitKnown(status);

		HttpResponse<String> removed = postFrom(status + "/card/remove", origin());
		HttpResponse<String> again = postFrom(status + "/card/remove", origin());

		assertThat(removed.statusCode()).isEqualTo(200);
		assertThat(removed.body())
			.contains("Your card is removed and can no longer be charged.", "Off. Save a card to renew automatically.")
			.doesNotContain("Remove my card", "ending in 4242");
		assertThat(again.statusCode()).isEqualTo(200);
		assertThat(standIn.detached()).containsOnlyOnce(card);
		PaymentMethodRemoved event = await().atMost(Duration.ofSeconds(30))
			.until(() -> of(msisdn, PaymentMethodRemoved.class), (found) -> !found.isEmpty())
			.get(0);
		assertThat(new String(Topics.PAYMENT_EVENTS.valueSerde().serializer().serialize(null, event),
				StandardCharsets.UTF_8))
			.doesNotContain("4242", card, "visa");
	}

	@Test
	void statusSwitchesRefuseForgedExpiredAndCrossSiteRequestsAndTurnOnIsNotOfferedWhereNotAllowed() throws Exception {
		Msisdn msisdn = Unique.msisdn();
		LineRecord opted = record(msisdn, HolderLocale.EN);
		Msisdn notAllowed = Unique.msisdn();
		write(opted);
		write(new LineRecord(notAllowed, opted.operator(), opted.plan(), VALID_UNTIL, CycleState.OPEN, opted.price(),
				AutoRenewal.OFF, opted.holder(), opted.registeredAt(), Instant.now()));
		CycleId cycle = new CycleId(msisdn, VALID_UNTIL);
		String token = this.signer.issue(LinkPurpose.STATUS, cycle, Duration.ofDays(1));
		String tampered = token.substring(0, token.length() - 2) + (token.endsWith("A") ? "BB" : "AA");
		String expired = this.signer.issue(LinkPurpose.STATUS, cycle, Duration.ofSeconds(-1));
		awaitKnown("/status/" + token);

		assertThat(postFrom("/status/" + tampered + "/autorenew/off", origin()).statusCode()).isEqualTo(403);
		assertThat(postFrom("/status/" + expired + "/card/remove", origin()).statusCode()).isEqualTo(410);
		HttpResponse<String> foreign = postFrom("/status/" + token + "/autorenew/off", "https://pages.example.net");
		assertThat(foreign.statusCode()).isEqualTo(403);
		assertThat(foreign.body()).contains("It did not come from your status page.");
		assertThat(this.http
			.send(HttpRequest.newBuilder(uri("/status/" + token + "/card/remove"))
				.header("Sec-Fetch-Site", "cross-site")
				.POST(HttpRequest.BodyPublishers.noBody())
				.build(), HttpResponse.BodyHandlers.ofString())
			.statusCode()).isEqualTo(403);
		assertThat(get("/status/" + token).body()).contains("Turn off automatic renewal", "Remove my card");
		assertThat(payments.values()).noneMatch((event) -> event.msisdn().equals(msisdn));

		HttpResponse<String> refused = awaitKnown("/status/"
				+ this.signer.issue(LinkPurpose.STATUS, new CycleId(notAllowed, VALID_UNTIL), Duration.ofDays(1)));
		assertThat(refused.body()).contains("Your operator does not offer automatic renewal for this line")
			.doesNotContain("Turn on automatic renewal", "/autorenew/");
	}

	/**
	 * Writes the line's record and publishes the card its holder saved, as payments does
	 * after the setup; returns the card's payment method id once payments' history has
	 * it.
	 */
	/**
	 * The card the holder saved, published as payments publishes it after Stripe's
	 * webhook: sealed, its key written first.
	 */
	private String saveCard(LineRecord line) throws Exception {
		write(line);
		String card = "pm_" + line.msisdn().value().substring(1);
		PaymentMethodSaved saved = new PaymentMethodSaved(UUID.randomUUID(), line.registeredAt().plusSeconds(60),
				line.msisdn(), new PaymentMethodRef("cus_" + card, card, "visa", "4242", 12, 2030), "seti_" + card,
				"evt_" + card);
		this.publisher.publish(saved);
		await().atMost(Duration.ofSeconds(30))
			.until(() -> this.histories.history(line.msisdn())
				.flatMap((history) -> history.methodSince(line.registeredAt()))
				.isPresent());
		return card;
	}

	private String origin() {
		return "http://localhost:" + this.port;
	}

	private HttpResponse<String> postFrom(String path, String origin) throws IOException, InterruptedException {
		return this.http.send(HttpRequest.newBuilder(uri(path))
			.header("Origin", origin)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(""))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> postForm(String path, String form) throws IOException, InterruptedException {
		return this.http.send(HttpRequest.newBuilder(uri(path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> awaitKnown(String path) {
		return await().atMost(Duration.ofSeconds(30))
			.until(() -> get(path), (response) -> response.statusCode() != 404 && response.statusCode() != 503
					&& !response.body().contains("Not due yet"));
	}

	/**
	 * What payments holds about a line, for ingest's export: to its own operator's key
	 * only.
	 */
	@Test
	void givesALinesRecordAndHistoryToItsOperatorOnly() throws Exception {
		Msisdn msisdn = Unique.msisdn();
		write(record(msisdn, HolderLocale.EN));
		String path = "/v1/lines/" + msisdn.value().replace("+", "%2B") + "/export";

		HttpResponse<String> export = await().atMost(Duration.ofSeconds(30))
			.until(() -> getAs(path, "orange-key-0123456789"), (response) -> response.statusCode() == 200);
		assertThat(export.body()).contains("li@example.com").contains(msisdn.value());
		assertThat(getAs(path, "proximus-key-0123456").statusCode()).isEqualTo(404);
		assertThat(getAs(path, null).statusCode()).isEqualTo(401);
	}

	private HttpResponse<String> getAs(String path, String key) throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
		if (key != null) {
			request.header("Authorization", "Bearer " + key);
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	@Test
	void servesActuatorOnTheManagementPortOnlyNeverOnTheHoldersPort() throws Exception {
		for (String path : List.of("/actuator/health", "/actuator/prometheus", "/actuator/info")) {
			HttpRequest management = HttpRequest
				.newBuilder(URI.create("http://127.0.0.1:" + this.managementPort + path))
				.build();
			await(path + " on the management port").atMost(Duration.ofSeconds(60))
				.until(() -> this.http.send(management, HttpResponse.BodyHandlers.discarding()).statusCode() == 200);
			assertThat(get(path).statusCode()).as("%s on the public port", path).isEqualTo(404);
		}
	}

	private HttpResponse<String> get(String path) throws IOException, InterruptedException {
		return this.http.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> webhook(String payload) throws IOException, InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(uri("/v1/stripe/webhook"))
			.header("Content-Type", "application/json")
			.header("Stripe-Signature", StripeJson.sign(WEBHOOK_SECRET, Instant.now(), payload))
			.POST(HttpRequest.BodyPublishers.ofString(payload))
			.build();
		return this.http.send(request, HttpResponse.BodyHandlers.ofString());
	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + this.port + path);
	}

	private static void send(DeadlineEvent event) throws Exception {
		producer
			.send(new ProducerRecord<>(Topics.DEADLINE_EVENTS.name(),
					Topics.DEADLINE_EVENTS.keySerde().serializer().serialize(null, event.msisdn()),
					Topics.DEADLINE_EVENTS.valueSerde().serializer().serialize(null, event)))
			.get();
	}

	/**
	 * The line's record, as the scheduler writes it: the current cycle open, the holder's
	 * card saved for automatic renewal.
	 */
	private static LineRecord record(Msisdn msisdn, HolderLocale locale) {
		return record(msisdn, locale, new SavedMethod("visa", "4242", 12, 2030));
	}

	/** The open cycle, its holder opted in to automatic renewal with {@code method}. */
	private static LineRecord record(Msisdn msisdn, HolderLocale locale, SavedMethod method) {
		Holder holder = new Holder("Li Wei", "li@example.com", null, null, locale, ZoneId.of("Europe/Brussels"));
		return new LineRecord(msisdn, OperatorId.of("orange"), "orange-prepaid-15", VALID_UNTIL, CycleState.OPEN,
				Money.of(1500, "EUR"), new AutoRenewal(true, true, method), holder,
				Instant.parse("2026-01-01T00:00:00Z"), Instant.now());
	}

	private static void write(LineRecord record) throws Exception {
		producer
			.send(new ProducerRecord<>(Topics.LINES.name(),
					Topics.LINES.keySerde().serializer().serialize(null, record.msisdn()),
					Topics.LINES.valueSerde().serializer().serialize(null, record)))
			.get();
	}

}
