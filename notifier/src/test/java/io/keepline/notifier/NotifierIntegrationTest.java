package io.keepline.notifier;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import io.keepline.contracts.Channel;
import io.keepline.contracts.Holder;
import io.keepline.contracts.HolderLocale;
import io.keepline.contracts.Money;
import io.keepline.contracts.Msisdn;
import io.keepline.contracts.OperatorId;
import io.keepline.contracts.PaymentMethodRef;
import io.keepline.contracts.deadline.AutoRenewalDue;
import io.keepline.contracts.deadline.DeadlineEvent;
import io.keepline.contracts.deadline.LapseNoticeDue;
import io.keepline.contracts.deadline.LineLapsed;
import io.keepline.contracts.deadline.PaymentFailure;
import io.keepline.contracts.deadline.PlannedCharge;
import io.keepline.contracts.deadline.ReminderDue;
import io.keepline.contracts.deadline.ReminderTrigger;
import io.keepline.contracts.deadline.RenewalConfirmed;
import io.keepline.contracts.linerecord.CycleState;
import io.keepline.contracts.linerecord.LineRecord;
import io.keepline.contracts.linerecord.SavedMethod;
import io.keepline.contracts.link.LinkPurpose;
import io.keepline.contracts.link.LinkSigner;
import io.keepline.contracts.link.LinkVerification;
import io.keepline.contracts.notification.NotificationEvent;
import io.keepline.contracts.notification.NotificationFailed;
import io.keepline.contracts.notification.NotificationSent;
import io.keepline.contracts.topic.KeyMismatchException;
import io.keepline.contracts.payment.PaymentEvent;
import io.keepline.contracts.payment.PaymentFailed;
import io.keepline.contracts.payment.PaymentMethodCodeRequested;
import io.keepline.contracts.payment.PaymentRefunded;
import io.keepline.contracts.payment.PaymentSource;
import io.keepline.contracts.topic.Topics;
import io.keepline.contracts.webhook.WebhookSignature;
import io.keepline.notifier.delivery.HolderChoiceLookup;
import io.keepline.notifier.delivery.LineLookup;
import io.keepline.notifier.holder.HolderStore;
import io.keepline.testsupport.GroupOffsets;
import io.keepline.support.deadletters.DeadLetter;
import io.keepline.support.deadletters.DeadLetterAdmin;
import io.keepline.support.deadletters.ReplayResult;
import io.keepline.support.deadletters.ReplaySummary;
import io.keepline.testsupport.KafkaCluster;
import io.keepline.testsupport.RealKafka;
import io.keepline.testsupport.TopicProbe;
import io.keepline.testsupport.Unique;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@RealKafka
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "management.server.port=0", "keepline.notifier.retry.initial-backoff=300ms",
				"keepline.notifier.retry.multiplier=2", "keepline.notifier.retry.max-backoff=1s",
				"keepline.notifier.retry.attempts=10",
				// one reminder, one message: these scenarios follow a line's own retries
				// and
				// dead letters (digests: DigestIntegrationTest)
				"keepline.notifier.digest.enabled=false" })
// closed after the class, or a cached context would send what later classes publish
@DirtiesContext
class NotifierIntegrationTest {

	private static final String LINK_SECRET = "integration-link-secret-32-bytes-long!";

	private static final String WEBHOOK_SECRET = "whsec_integration_orange_secret_32_bytes";

	private static final Pattern PAY_LINK = Pattern.compile("http://localhost:8084/pay/([A-Za-z0-9_.-]+)");

	private static final int SMTP_PORT = freePort();

	private static final GreenMail smtp = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", "smtp"));

	private static final WireMockServer webhooks = new WireMockServer(options().dynamicPort());

	private static KafkaProducer<Msisdn, DeadlineEvent> producer;

	private static KafkaProducer<Msisdn, PaymentEvent> paymentProducer;

	private static TopicProbe<Msisdn, NotificationEvent> outcomes;

	private static KafkaCluster kafka;

	private final SchedulerLines lines;

	private final DeadLetterAdmin deadLetters;

	private final HolderChoiceLookup choices;

	private final HolderStore holders;

	private final String publicUrl;

	private final Map<UUID, Holder> intended = new ConcurrentHashMap<>();

	NotifierIntegrationTest(@Autowired LineLookup notifier, @Autowired DeadLetterAdmin deadLetters,
			@Autowired HolderChoiceLookup choices, @Autowired HolderStore holders,
			@Value("${local.server.port}") int port) {
		this.lines = new SchedulerLines(kafka, notifier);
		this.deadLetters = deadLetters;
		this.choices = choices;
		this.holders = holders;
		this.publicUrl = "http://localhost:" + port;
	}

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		registry.add("spring.kafka.streams.state-dir", () -> stateDir());
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", () -> SMTP_PORT);
		registry.add("keepline.links.secret", () -> LINK_SECRET);
		registry.add("keepline.notifier.webhook-secrets", () -> "orange=k1:" + WEBHOOK_SECRET);
		// the receiver listens on this machine: allowed as the standalone allows its
		// outbox
		registry.add("keepline.outbound.allowed-local-origins", webhooks::baseUrl);
		registry.add("keepline.notifier.group-id", () -> Unique.name("notifier"));
		// a Twilio-format SMS provider on the same receiver: without one, SMS is disabled
		registry.add("keepline.notifier.sms.provider", () -> "twilio");
		registry.add("keepline.notifier.sms.base-url", webhooks::baseUrl);
		registry.add("keepline.notifier.sms.account-sid", () -> "AC1");
		registry.add("keepline.notifier.sms.auth-token", () -> "sms-token");
		registry.add("keepline.notifier.sms.from", () -> "Keepline");
	}

	@BeforeAll
	static void startInfrastructure(KafkaCluster cluster) {
		smtp.start();
		webhooks.start();
		webhooks.stubFor(post(urlEqualTo("/hook")).willReturn(aResponse().withStatus(204)));
		webhooks.stubFor(post(urlEqualTo("/2010-04-01/Accounts/AC1/Messages.json"))
			.willReturn(aResponse().withStatus(201).withBody("{\"sid\":\"SM1\"}")));
		cluster.createTopics(Topics.LINES, Topics.DEADLINE_EVENTS, Topics.NOTIFICATION_EVENTS, Topics.PAYMENT_EVENTS,
				Topics.HOLDER_CHOICES, Topics.SMS_SENT);
		kafka = cluster;
		producer = new KafkaProducer<>(cluster.producerProperties(), Topics.MSISDN.serializer(),
				Topics.DEADLINE_EVENTS.valueSerde().serializer());
		outcomes = TopicProbe.of(cluster, Topics.NOTIFICATION_EVENTS);
		paymentProducer = new KafkaProducer<>(cluster.producerProperties(), Topics.MSISDN.serializer(),
				Topics.PAYMENT_EVENTS.valueSerde().serializer());
	}

	@AfterEach
	void closeLines() {
		this.lines.close();
	}

	@AfterAll
	static void stopInfrastructure() {
		producer.close();
		paymentProducer.close();
		outcomes.close();
		webhooks.stop();
		smtp.stop();
	}

	@Test
	void remindsByEmailInTheHoldersLanguageWithAPayLinkThatVerifies() throws Exception {
		String email = Unique.name("fr") + "@example.com";
		ReminderDue reminder = reminder(Unique.msisdn(), holder(email, null, HolderLocale.FR), 7);
		publish(reminder);

		MimeMessage message = awaitOneEmail(email);
		assertThat(message.getSubject()).startsWith("Renouvelez votre numéro +32 47")
			.contains("** **")
			.endsWith("avant le 31 décembre 2026");
		assertThat(message.getContentType()).startsWith("multipart/alternative");
		assertThat(GreenMailUtil.getBody(message)).contains("text/html").doesNotContain(reminder.msisdn().value());
		String text = textOf(message);
		assertThat(text).contains("Bonjour Camille,").contains(reminder.msisdn().masked()).contains("15,00");
		Matcher link = PAY_LINK.matcher(text);
		assertThat(link.find()).isTrue();
		LinkVerification verification = LinkSigner.fromSecret(LINK_SECRET, Clock.systemUTC())
			.verify(link.group(1), LinkPurpose.PAY);
		assertThat(verification).isInstanceOfSatisfying(LinkVerification.Valid.class,
				(valid) -> assertThat(valid.link().cycle()).isEqualTo(reminder.cycle()));
		NotificationSent sent = awaitOutcomes(reminder.msisdn(), NotificationSent.class, 1).get(0);
		assertThat(sent.notificationId()).doesNotContain(reminder.msisdn().value().substring(1));
		assertThat(sent.channel()).isEqualTo(Channel.EMAIL);
		assertThat(sent.locale()).isEqualTo(HolderLocale.FR);
		assertThat(sent.sourceEventId()).isEqualTo(reminder.eventId());
		assertThat(sent.providerMessageId()).isEqualTo(message.getMessageID());
	}

	@Test
	void sendsNothingNewWhenAnEventIsRedelivered() {
		String email = Unique.name("dup") + "@example.com";
		Msisdn msisdn = Unique.msisdn();
		Holder holder = holder(email, null, HolderLocale.DE);
		ReminderDue reminder = reminder(msisdn, holder, 30);
		publish(reminder);
		awaitOutcomes(msisdn, NotificationSent.class, 1);
		publish(reminder);
		publish(reminder(msisdn, holder, 30));
		RenewalConfirmed receipt = new RenewalConfirmed(UUID.randomUUID(), Instant.now(), msisdn,
				OperatorId.of("orange"), reminder.validUntil(), Money.of(1500, "EUR"), "pi_1");
		this.lines.write(SchedulerLines
			.in(SchedulerLines.open(msisdn, reminder.validUntil(), holder, reminder.occurredAt()), CycleState.RENEWED));
		publishAlone(receipt);

		await().atMost(Duration.ofSeconds(30)).until(() -> received(email).size() == 2);
		assertThat(received(email)).extracting(MimeMessage::getSubject)
			.containsExactly("Ihre Rufnummer " + msisdn.masked() + " ist gültig bis 31. Dezember 2026",
					"Beleg: Ihre Rufnummer " + msisdn.masked() + " ist verlängert");
		assertThat(awaitOutcomes(msisdn, NotificationSent.class, 2)).extracting(NotificationSent::template)
			.containsExactly("reminder-informational", "renewal-receipt");
	}

	@Test
	void retriesWhileTheSmtpServerIsDownThenDeliversOnce() {
		String email = Unique.name("down") + "@example.com";
		ReminderDue reminder = reminder(Unique.msisdn(), holder(email, null, HolderLocale.NL), 1);
		smtp.stop();
		try {
			publish(reminder);
			List<NotificationFailed> deferred = awaitOutcomes(reminder.msisdn(), NotificationFailed.class, 1);
			assertThat(deferred.get(0).permanent()).isFalse();
			assertThat(deferred.get(0).reason()).isEqualTo("smtp_unavailable");
		}
		finally {
			smtp.start();
		}
		MimeMessage message = awaitOneEmail(email);
		assertThat(subjectOf(message)).startsWith("Laatste herinnering");
		assertThat(awaitOutcomes(reminder.msisdn(), NotificationSent.class, 1)).hasSize(1);
	}

	@Test
	void defersAReminderWithinTheTimeoutWhenTheSmtpServerNeverAnswersThenDeliversOnce() throws IOException {
		String email = Unique.name("silent") + "@example.com";
		ReminderDue reminder = reminder(Unique.msisdn(), holder(email, null, HolderLocale.EN), 7);
		smtp.stop();
		// connections queue in the backlog and nobody answers; timeouts are 10 s
		try (ServerSocket silent = new ServerSocket(SMTP_PORT, 50, InetAddress.getByName("127.0.0.1"))) {
			long start = System.nanoTime();
			publish(reminder);
			NotificationFailed deferred = awaitOutcomes(reminder.msisdn(), NotificationFailed.class, 1).get(0);
			Duration took = Duration.ofNanos(System.nanoTime() - start);

			assertThat(deferred.permanent()).isFalse();
			assertThat(deferred.reason()).isEqualTo("smtp_unavailable");
			assertThat(took).isGreaterThanOrEqualTo(Duration.ofSeconds(10)).isLessThan(Duration.ofSeconds(40));
		}
		finally {
			smtp.start();
		}
		assertThat(subjectOf(awaitOneEmail(email))).startsWith("Renew your number");
		assertThat(awaitOutcomes(reminder.msisdn(), NotificationSent.class, 1)).hasSize(1);
	}

	@Test
	void fallsBackToTheNextChannelWhenAnAddressIsRefused() {
		Msisdn msisdn = Unique.msisdn();
		ReminderDue reminder = reminder(msisdn, holder("not an address", msisdn, HolderLocale.EN), 7);
		publish(reminder);

		NotificationSent sent = awaitOutcomes(msisdn, NotificationSent.class, 1).get(0);
		assertThat(sent.channel()).isEqualTo(Channel.SMS);
		NotificationFailed failed = outcomes(msisdn, NotificationFailed.class).get(0);
		assertThat(failed.channel()).isEqualTo(Channel.EMAIL);
		assertThat(failed.permanent()).isTrue();
	}

	/**
	 * The retry and dead-letter topics hold copies of deadline events (holder snapshots):
	 * they are deleted within the erasure bound, never kept or compacted.
	 */
	@Test
	void createsItsRetryAndDeadLetterTopicsDeletedWithinTheErasureBound(KafkaCluster cluster) throws Exception {
		try (Admin admin = Admin.create(cluster.adminProperties())) {
			List<ConfigResource> held = admin.listTopics()
				.names()
				.get()
				.stream()
				.filter((name) -> name.startsWith(Topics.DEADLINE_EVENTS.name() + "-"))
				.map((name) -> new ConfigResource(ConfigResource.Type.TOPIC, name))
				.toList();
			assertThat(held).extracting(ConfigResource::name)
				.contains(Topics.DEADLINE_EVENTS.name() + "-retry-0", Topics.DEADLINE_EVENTS.deadLetter());
			admin.describeConfigs(held).all().get().forEach((topic, config) -> {
				assertThat(config.get(TopicConfig.RETENTION_MS_CONFIG).value()).as(topic.name())
					.isEqualTo(Long.toString(Duration.ofDays(30).toMillis()));
				assertThat(config.get(TopicConfig.CLEANUP_POLICY_CONFIG).value()).as(topic.name())
					.isEqualTo(TopicConfig.CLEANUP_POLICY_DELETE);
			});
		}
	}

	@Test
	void deadLettersAnUnreadableRecordAndGoesOn(KafkaCluster cluster) {
		Msisdn msisdn = Unique.msisdn();
		String email = Unique.name("poison") + "@example.com";
		try (TopicProbe<String, String> deadLetters = TopicProbe.raw(cluster, Topics.DEADLINE_EVENTS.deadLetter());
				KafkaProducer<String, byte[]> raw = new KafkaProducer<>(cluster.producerProperties(),
						new StringSerializer(), new ByteArraySerializer())) {
			raw.send(new ProducerRecord<>(Topics.DEADLINE_EVENTS.name(), msisdn.value(),
					"{\"type\":\"ReminderDue\",\"stage\":\"soon\"}".getBytes(StandardCharsets.UTF_8)));
			raw.flush();
			publish(reminder(msisdn, holder(email, null, HolderLocale.EN), 30));

			await().atMost(Duration.ofSeconds(60))
				.until(() -> deadLetters.records().stream().anyMatch((r) -> msisdn.value().equals(r.key())));
			assertThat(deadLetters.records().stream().filter((r) -> msisdn.value().equals(r.key()))).singleElement()
				.satisfies((r) -> assertThat(r.value()).contains("soon"));
			awaitOneEmail(email);
		}
	}

	@Test
	void deadLettersAnEventKeyedByAnotherLineAndSendsNothingForIt(KafkaCluster cluster) {
		Msisdn line = Unique.msisdn();
		Msisdn other = Unique.msisdn();
		String misrouted = Unique.name("misrouted") + "@example.com";
		String later = Unique.name("later") + "@example.com";
		try (TopicProbe<String, String> deadLetters = TopicProbe.raw(cluster, Topics.DEADLINE_EVENTS.deadLetter())) {
			producer.send(new ProducerRecord<>(Topics.DEADLINE_EVENTS.name(), other,
					reminder(line, holder(misrouted, null, HolderLocale.EN), 7)));
			publish(reminder(line, holder(later, null, HolderLocale.EN), 30));

			awaitOneEmail(later);
			await().atMost(Duration.ofSeconds(60))
				.until(() -> deadLetters.records().stream().anyMatch((r) -> other.value().equals(r.key())));
			assertThat(deadLetters.records().stream().filter((r) -> other.value().equals(r.key()))).singleElement()
				.satisfies((r) -> assertThat(new String(r.headers().lastHeader("kafka_exception-cause-fqcn").value(),
						StandardCharsets.UTF_8))
					.isEqualTo(KeyMismatchException.class.getName()));
			assertThat(received(misrouted)).isEmpty();
		}
	}

	@Test
	void signsWebhooksSoThatReceiversCanVerifyThem() {
		Msisdn msisdn = Unique.msisdn();
		URI hook = URI.create(webhooks.baseUrl() + "/hook");
		Holder holder = new Holder(null, null, null, hook, HolderLocale.ZH, ZoneId.of("Asia/Shanghai"));
		publish(reminder(msisdn, holder, 1));

		awaitOutcomes(msisdn, NotificationSent.class, 1);
		LoggedRequest request = webhooks.findAll(postRequestedFor(urlEqualTo("/hook")))
			.stream()
			.filter((r) -> r.getBodyAsString().contains(msisdn.masked()))
			.findFirst()
			.orElseThrow();
		WebhookSignature signature = WebhookSignature.of("k1", WEBHOOK_SECRET);
		assertThat(signature.verify(request.getHeader(WebhookSignature.HEADER), request.getBody(), Instant.now(),
				Duration.ofMinutes(5)))
			.isTrue();
		assertThat(signature.verify(request.getHeader(WebhookSignature.HEADER),
				request.getBodyAsString().replace("zh", "en").getBytes(StandardCharsets.UTF_8), Instant.now(),
				Duration.ofMinutes(5)))
			.isFalse();
		assertThat(request.getBodyAsString()).contains("\"template\":\"reminder-urgent\"")
			.contains("\"locale\":\"zh\"")
			.contains("/pay/");
	}

	@Test
	void aSlowWebhookHoldsBackNeitherAnEmailBehindItOnItsPartitionNorTheCommitOnceItIsDone(
			@Autowired NotifierSettings settings) throws Exception {
		Msisdn slow = Unique.msisdn();
		Msisdn behind = Unique.msisdn();
		webhooks.stubFor(post(urlEqualTo("/slow")).willReturn(aResponse().withStatus(204).withFixedDelay(2_000)));
		ReminderDue toWebhook = reminder(slow, new Holder(null, null, null, URI.create(webhooks.baseUrl() + "/slow"),
				HolderLocale.EN, ZoneId.of("Europe/Brussels")), 1);
		ReminderDue toEmail = reminder(behind, new Holder("Ana", Unique.name("behind") + "@example.com", null, null,
				HolderLocale.FR, ZoneId.of("Europe/Brussels")), 1);
		for (ReminderDue reminder : List.of(toWebhook, toEmail)) {
			this.lines.write(SchedulerLines.open(reminder.msisdn(), reminder.validUntil(), holderOf(reminder),
					reminder.occurredAt()));
		}

		for (ReminderDue reminder : List.of(toWebhook, toEmail)) {
			producer.send(new ProducerRecord<>(Topics.DEADLINE_EVENTS.name(), 0, reminder.msisdn(), reminder));
		}
		producer.flush();
		TopicPartition first = new TopicPartition(Topics.DEADLINE_EVENTS.name(), 0);
		Map<TopicPartition, Long> end = Map.of(first,
				GroupOffsets.endOffsets(kafka, Topics.DEADLINE_EVENTS).get(first));

		NotificationSent email = awaitOutcomes(behind, NotificationSent.class, 1).get(0);
		NotificationSent webhook = awaitOutcomes(slow, NotificationSent.class, 1).get(0);
		assertThat(email.channel()).isEqualTo(Channel.EMAIL);
		assertThat(webhook.channel()).isEqualTo(Channel.WEBHOOK);
		assertThat(email.occurredAt()).as("the email behind the slow webhook sent first")
			.isBefore(webhook.occurredAt());
		await("both records committed").atMost(Duration.ofSeconds(30))
			.until(() -> GroupOffsets.committedUpTo(kafka, settings.groupId(), end));
	}

	@Test
	void doesNotDeliverAReminderWaitingForItsRetryOnceTheLineIsCancelled() {
		String email = Unique.name("cancelled") + "@example.com";
		ReminderDue reminder = reminder(Unique.msisdn(), holder(email, null, HolderLocale.EN), 7);
		LineRecord record = this.lines.write(SchedulerLines.open(reminder.msisdn(), reminder.validUntil(),
				holderOf(reminder), reminder.occurredAt()));
		smtp.stop();
		try {
			publishAlone(reminder);
			awaitDeferredBySmtp(reminder.msisdn());
			this.lines.write(SchedulerLines.in(record, CycleState.CANCELLED));
		}
		finally {
			smtp.start();
		}
		assertThat(awaitSuppression(reminder.msisdn()).reason()).isEqualTo("line_cancelled");
		assertThat(received(email)).isEmpty();
		assertThat(outcomes(reminder.msisdn(), NotificationSent.class)).isEmpty();
	}

	@Test
	void doesNotDeliverAReminderWaitingForItsRetryOnceTheLineIsErased() {
		String email = Unique.name("erased") + "@example.com";
		ReminderDue reminder = reminder(Unique.msisdn(), holder(email, null, HolderLocale.EN), 7);
		this.lines.write(SchedulerLines.open(reminder.msisdn(), reminder.validUntil(), holderOf(reminder),
				reminder.occurredAt()));
		smtp.stop();
		try {
			publishAlone(reminder);
			awaitDeferredBySmtp(reminder.msisdn());
			this.lines.erase(reminder.msisdn());
		}
		finally {
			smtp.start();
		}
		assertThat(awaitSuppression(reminder.msisdn()).reason()).isEqualTo("line_erased");
		assertThat(received(email)).isEmpty();
		assertThat(outcomes(reminder.msisdn(), NotificationSent.class)).isEmpty();
	}

	@Test
	void retriesAReminderToTheAddressOfAHolderUpdateMadeAfterItsFirstAttempt() {
		String before = Unique.name("before") + "@example.com";
		String after = Unique.name("after") + "@example.com";
		ReminderDue reminder = reminder(Unique.msisdn(), holder(before, null, HolderLocale.EN), 7);
		LineRecord record = this.lines.write(SchedulerLines.open(reminder.msisdn(), reminder.validUntil(),
				holderOf(reminder), reminder.occurredAt()));
		smtp.stop();
		try {
			publishAlone(reminder);
			awaitDeferredBySmtp(reminder.msisdn());
			this.lines.write(SchedulerLines.heldBy(record, holder(after, null, HolderLocale.FR)));
		}
		finally {
			smtp.start();
		}
		assertThat(subjectOf(awaitOneEmail(after))).startsWith("Renouvelez votre numéro");
		assertThat(awaitOutcomes(reminder.msisdn(), NotificationSent.class, 1).get(0).locale())
			.isEqualTo(HolderLocale.FR);
		assertThat(received(before)).isEmpty();
	}

	@Test
	void aReRegistrationBetweenTwoAttemptsSendsTheRetryToTheNewAddress() {
		String former = Unique.name("former") + "@example.com";
		String newcomer = Unique.name("newcomer") + "@example.com";
		ReminderDue reminder = reminder(Unique.msisdn(), holder(former, null, HolderLocale.EN), 7);
		LineRecord record = this.lines.write(SchedulerLines.open(reminder.msisdn(), reminder.validUntil(),
				holderOf(reminder), reminder.occurredAt()));
		smtp.stop();
		try {
			publishAlone(reminder);
			awaitDeferredBySmtp(reminder.msisdn());
			this.lines
				.write(SchedulerLines.registeredAgain(record, holder(newcomer, null, HolderLocale.EN), Instant.now()));
		}
		finally {
			smtp.start();
		}
		assertThat(subjectOf(awaitOneEmail(newcomer))).startsWith("Renew your number");
		assertThat(received(former)).isEmpty();
	}

	@Test
	void suppressesAReminderOfACycleNoLongerCurrentAndStillDeliversItsLapseNotice() {
		String email = Unique.name("extended") + "@example.com";
		Holder holder = holder(email, null, HolderLocale.EN);
		ReminderDue reminder = reminder(Unique.msisdn(), holder, 7);
		LineRecord record = SchedulerLines.open(reminder.msisdn(), reminder.validUntil(), holder,
				reminder.occurredAt());
		this.lines.write(SchedulerLines.extendedTo(record, reminder.validUntil().plusYears(1)));
		publishAlone(reminder);
		NotificationFailed suppressed = awaitSuppression(reminder.msisdn());
		assertThat(suppressed.reason()).isEqualTo("cycle_not_current");
		assertThat(suppressed.template()).isEqualTo("reminder-firm");

		publishAlone(new LapseNoticeDue(UUID.randomUUID(), Instant.now(), reminder.msisdn(), OperatorId.of("orange"),
				reminder.validUntil(), Instant.now()));
		assertThat(subjectOf(awaitOneEmail(email))).startsWith("Final warning");
		assertThat(awaitOutcomes(reminder.msisdn(), NotificationSent.class, 1).get(0).template())
			.isEqualTo("line-lapsed");
	}

	@Test
	void remindersParkedByAnSmtpOutageLongerThanTheRetryWindowAreDeliveredOnceByReplay() {
		String first = Unique.name("parked") + "@example.com";
		String second = Unique.name("parked") + "@example.com";
		ReminderDue one = reminder(Unique.msisdn(), holder(first, null, HolderLocale.EN), 7);
		ReminderDue other = reminder(Unique.msisdn(), holder(second, null, HolderLocale.FR), 1);
		String dlt = Topics.DEADLINE_EVENTS.deadLetter();
		List<String> parked;
		smtp.stop();
		try {
			publish(one);
			publish(other);
			await("both reminders parked once their retries ran out").atMost(Duration.ofSeconds(90))
				.until(() -> parkedFor(dlt, one.msisdn(), other.msisdn()).size() == 2);
			parked = parkedFor(dlt, one.msisdn(), other.msisdn());
			assertThat(outcomes(one.msisdn(), NotificationFailed.class)).hasSizeGreaterThan(1)
				.allSatisfy((failed) -> assertThat(failed.reason()).isEqualTo("smtp_unavailable"));
			String[] id = parked.get(0).split("/");
			assertThat(this.deadLetters.replay(id[0], Integer.parseInt(id[1]), Long.parseLong(id[2])))
				.hasValueSatisfying(
						(result) -> assertThat(result.outcome()).isEqualTo(ReplayResult.Outcome.FAILED_AGAIN));
			assertThat(this.deadLetters.list(dlt)).filteredOn((letter) -> letter.id().equals(parked.get(0)))
				.singleElement()
				.satisfies((letter) -> assertThat(letter.state()).isEqualTo(DeadLetter.State.FAILED_AGAIN));
		}
		finally {
			smtp.start();
		}

		ReplaySummary replay = this.deadLetters.replayAll(dlt);
		assertThat(replay.results()).filteredOn((result) -> parked.contains(result.id()))
			.extracting(ReplayResult::outcome)
			.containsExactly(ReplayResult.Outcome.REPLAYED, ReplayResult.Outcome.REPLAYED);
		assertThat(subjectOf(awaitOneEmail(first))).startsWith("Renew your number");
		assertThat(subjectOf(awaitOneEmail(second))).startsWith("Dernier rappel");

		assertThat(this.deadLetters.replayAll(dlt).results()).noneMatch((result) -> parked.contains(result.id()));
		awaitOutcomes(one.msisdn(), NotificationSent.class, 1);
		awaitOutcomes(other.msisdn(), NotificationSent.class, 1);
		assertThat(received(first)).hasSize(1);
		assertThat(received(second)).hasSize(1);
	}

	/** The ids of this notifier's parked dead letters of these lines. */
	private List<String> parkedFor(String dlt, Msisdn... lines) {
		List<String> keys = Arrays.stream(lines).map(Msisdn::value).toList();
		return this.deadLetters.list(dlt)
			.stream()
			.filter((letter) -> letter.state() == DeadLetter.State.PARKED && letter.replayable())
			.map(DeadLetter::id)
			.filter((id) -> {
				String[] parts = id.split("/");
				return this.deadLetters.show(parts[0], Integer.parseInt(parts[1]), Long.parseLong(parts[2]))
					.map((detail) -> keys.contains(detail.key()))
					.orElse(false);
			})
			.toList();
	}

	@Test
	void oneClickUnsubscribeWithoutCookiesSendsTheNextReminderBySmsWhileAGetChangesNothing() throws Exception {
		String email = Unique.name("unsub") + "@example.com";
		Msisdn sms = Unique.msisdn();
		ReminderDue first = reminder(Unique.msisdn(), holder(email, sms, HolderLocale.NL), 30);
		publish(first);

		MimeMessage message = awaitOneEmail(email);
		String[] listUnsubscribe = message.getHeader("List-Unsubscribe");
		assertThat(listUnsubscribe).hasSize(1);
		assertThat(listUnsubscribe[0]).startsWith("<http://localhost:8083/unsubscribe/").endsWith(">");
		assertThat(message.getHeader("List-Unsubscribe-Post")).containsExactly("List-Unsubscribe=One-Click");
		String path = listUnsubscribe[0].substring("<http://localhost:8083".length(), listUnsubscribe[0].length() - 1);
		HttpClient client = HttpClient.newHttpClient();

		HttpResponse<String> page = client.send(HttpRequest.newBuilder(URI.create(this.publicUrl + path)).GET().build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("lang=\"nl\"", "<form method=\"post\"", "Afmelden");
		publishAlone(reminder(first.msisdn(), holderOf(first), 7));
		await("a GET unsubscribes nobody: the next reminder is an email").atMost(Duration.ofSeconds(60))
			.until(() -> received(email).size() == 2);

		HttpResponse<String> done = client.send(HttpRequest.newBuilder(URI.create(this.publicUrl + path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("List-Unsubscribe=One-Click"))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(done.statusCode()).isEqualTo(200);
		assertThat(done.headers().firstValue("Set-Cookie")).isEmpty();
		await("every instance honours it").atMost(Duration.ofSeconds(10))
			.until(() -> this.choices.suppressed(first.msisdn()).contains(Channel.EMAIL));
		publishAlone(reminder(first.msisdn(), holderOf(first), 1));

		List<NotificationSent> sent = awaitOutcomes(first.msisdn(), NotificationSent.class, 3);
		assertThat(sent).extracting(NotificationSent::channel)
			.containsExactly(Channel.EMAIL, Channel.EMAIL, Channel.SMS);
		assertThat(outcomes(first.msisdn(), NotificationFailed.class)).singleElement()
			.satisfies((failed) -> assertThat(failed.reason()).isEqualTo("email_unsubscribed"))
			.satisfies((failed) -> assertThat(failed.permanent()).isTrue());
		assertThat(sent.get(2).providerMessageId()).isEqualTo("SM1");
		assertThat(received(email)).hasSize(2);
	}

	@Test
	void refusesATamperedAnExpiredOrAnotherPurposesUnsubscribeToken() throws Exception {
		Msisdn msisdn = Unique.msisdn();
		LineRecord line = this.lines.write(SchedulerLines.open(msisdn, LocalDate.now().plusDays(20),
				holder("x@example.com", null, HolderLocale.EN), Instant.now()));
		LinkSigner signer = LinkSigner.fromSecret(LINK_SECRET, Clock.systemUTC());
		String valid = signer.issue(LinkPurpose.UNSUBSCRIBE, line.cycle(), Duration.ofDays(1));
		char last = valid.charAt(valid.length() - 1);
		String tampered = valid.substring(0, valid.length() - 1) + ((last == 'A') ? 'B' : 'A');
		String expired = signer.issue(LinkPurpose.UNSUBSCRIBE, line.cycle(), Duration.ofSeconds(-1));
		String pay = signer.issue(LinkPurpose.PAY, line.cycle(), Duration.ofDays(1));

		assertThat(unsubscribe(tampered)).isEqualTo(403);
		assertThat(unsubscribe(pay)).isEqualTo(403);
		assertThat(unsubscribe(expired)).isEqualTo(410);
		assertThat(this.choices.suppressed(msisdn)).isEmpty();
	}

	@Test
	void anSmsStopSignedAsTwilioSignsStopsSmsOnEveryLineOfThatNumberAndABadSignatureChangesNothing() throws Exception {
		Msisdn sms = Unique.msisdn();
		String hook = webhooks.baseUrl() + "/hook";
		ReminderDue withWebhook = reminder(Unique.msisdn(),
				new Holder("Camille", null, sms, URI.create(hook), HolderLocale.FR, ZoneId.of("Europe/Brussels")), 30);
		ReminderDue smsOnly = reminder(Unique.msisdn(), holder(null, sms, HolderLocale.FR), 30);
		this.lines.write(SchedulerLines.open(withWebhook.msisdn(), withWebhook.validUntil(), holderOf(withWebhook),
				withWebhook.occurredAt()));
		this.lines.write(
				SchedulerLines.open(smsOnly.msisdn(), smsOnly.validUntil(), holderOf(smsOnly), smsOnly.occurredAt()));
		Map<String, String> stop = Map.of("From", sms.value(), "To", "+3225550000", "Body", " arrêt ", "MessageSid",
				"SM" + UUID.randomUUID().toString().replace("-", ""));

		assertThat(inboundSms(stop, "bm90IGEgc2lnbmF0dXJl")).isEqualTo(403);
		assertThat(this.choices.suppressed(withWebhook.msisdn())).isEmpty();
		assertThat(inboundSms(stop, twilioSignature("http://localhost:8083/v1/sms/inbound", stop))).isEqualTo(200);
		await("every instance honours it").atMost(Duration.ofSeconds(10))
			.until(() -> this.choices.suppressed(withWebhook.msisdn()).contains(Channel.SMS)
					&& this.choices.suppressed(smsOnly.msisdn()).contains(Channel.SMS));
		publishAlone(withWebhook);
		publishAlone(smsOnly);

		assertThat(awaitOutcomes(withWebhook.msisdn(), NotificationSent.class, 1).get(0).channel())
			.isEqualTo(Channel.WEBHOOK);
		assertThat(outcomes(withWebhook.msisdn(), NotificationFailed.class)).extracting(NotificationFailed::reason)
			.containsExactly("sms_unsubscribed");
		assertThat(awaitSuppression(smsOnly.msisdn()).reason()).isEqualTo("holder_unsubscribed_all");
		assertThat(outcomes(smsOnly.msisdn(), NotificationSent.class)).isEmpty();

		Map<String, String> start = Map.of("From", sms.value(), "To", "+3225550000", "Body", "Start", "MessageSid",
				"SM" + UUID.randomUUID().toString().replace("-", ""));
		assertThat(inboundSms(start, twilioSignature("http://localhost:8083/v1/sms/inbound", start))).isEqualTo(200);
		await("START allows SMS again").atMost(Duration.ofSeconds(10))
			.until(() -> !this.choices.suppressed(smsOnly.msisdn()).contains(Channel.SMS));
		publishAlone(reminder(smsOnly.msisdn(), holderOf(smsOnly), 7));
		assertThat(awaitOutcomes(smsOnly.msisdn(), NotificationSent.class, 1).get(0).channel()).isEqualTo(Channel.SMS);
	}

	@Test
	void anSmsTheProviderReportsUndeliveredFallsBackToTheNextChannelWhileABadSignatureOrADeliveryChangesNothing()
			throws Exception {
		Msisdn sms = Unique.msisdn();
		String sid = "SM" + UUID.randomUUID().toString().replace("-", "");
		webhooks.stubFor(post(urlEqualTo("/2010-04-01/Accounts/AC1/Messages.json")).atPriority(1)
			.withRequestBody(containing("To=" + URLEncoder.encode(sms.value(), StandardCharsets.UTF_8)))
			.willReturn(aResponse().withStatus(201).withBody("{\"sid\":\"" + sid + "\"}")));
		String hook = webhooks.baseUrl() + "/hook";
		ReminderDue reminder = reminder(Unique.msisdn(),
				new Holder("Camille", null, sms, URI.create(hook), HolderLocale.FR, ZoneId.of("Europe/Brussels")), 30);
		publish(reminder);

		NotificationSent bySms = awaitOutcomes(reminder.msisdn(), NotificationSent.class, 1).get(0);
		assertThat(bySms.channel()).isEqualTo(Channel.SMS);
		assertThat(bySms.providerMessageId()).isEqualTo(sid);
		String callback = webhooks.findAll(postRequestedFor(urlEqualTo("/2010-04-01/Accounts/AC1/Messages.json")))
			.stream()
			.map((request) -> URLDecoder.decode(request.getBodyAsString(), StandardCharsets.UTF_8))
			.filter((body) -> body.contains("To=" + sms.value()))
			.map((body) -> body.substring(body.indexOf("StatusCallback=") + "StatusCallback=".length()))
			.findFirst()
			.orElseThrow();
		assertThat(callback).isEqualTo("http://localhost:8083/v1/sms/status");
		Map<String, String> delivered = Map.of("MessageSid", sid, "MessageStatus", "delivered", "AccountSid", "AC1",
				"To", sms.value(), "From", "Keepline");
		Map<String, String> undelivered = Map.of("MessageSid", sid, "MessageStatus", "undelivered", "ErrorCode",
				"30003", "AccountSid", "AC1", "To", sms.value(), "From", "Keepline");

		assertThat(twilioPost("/v1/sms/status", undelivered, twilioSignature(callback, delivered))).isEqualTo(403);
		assertThat(twilioPost("/v1/sms/status", delivered, twilioSignature(callback, delivered))).isEqualTo(204);
		assertThat(outcomes(reminder.msisdn(), NotificationFailed.class)).isEmpty();
		assertThat(twilioPost("/v1/sms/status", undelivered, twilioSignature(callback, undelivered))).isEqualTo(204);

		List<NotificationSent> sent = awaitOutcomes(reminder.msisdn(), NotificationSent.class, 2);
		assertThat(sent).extracting(NotificationSent::channel).containsExactly(Channel.SMS, Channel.WEBHOOK);
		assertThat(outcomes(reminder.msisdn(), NotificationFailed.class)).singleElement().satisfies((failed) -> {
			assertThat(failed.channel()).isEqualTo(Channel.SMS);
			assertThat(failed.reason()).isEqualTo("sms_undelivered_30003");
			assertThat(failed.permanent()).isTrue();
			assertThat(failed.notificationId()).isEqualTo(bySms.notificationId());
		});
	}

	@Test
	void aRecycledNumberInheritsNoChoiceAndAnErasedLineLeavesNone() throws Exception {
		Msisdn recycled = Unique.msisdn();
		Msisdn erased = Unique.msisdn();
		LinkSigner signer = LinkSigner.fromSecret(LINK_SECRET, Clock.systemUTC());
		Holder holder = holder("old@example.com", null, HolderLocale.EN);
		LineRecord before = this.lines
			.write(SchedulerLines.open(recycled, LocalDate.now().plusDays(20), holder, Instant.now()));
		LineRecord gone = this.lines
			.write(SchedulerLines.open(erased, LocalDate.now().plusDays(20), holder, Instant.now()));
		String link = signer.issue(LinkPurpose.UNSUBSCRIBE, before.cycle(), Duration.ofDays(90));
		assertThat(unsubscribe(link)).isEqualTo(200);
		assertThat(unsubscribe(signer.issue(LinkPurpose.UNSUBSCRIBE, gone.cycle(), Duration.ofDays(90))))
			.isEqualTo(200);
		await("both choices read").atMost(Duration.ofSeconds(10))
			.until(() -> this.holders.choices(recycled).isPresent() && this.holders.choices(erased).isPresent());

		this.lines.write(SchedulerLines.registeredAgain(before, holder("new@example.com", null, HolderLocale.EN),
				Instant.now().plusSeconds(1)));
		assertThat(this.choices.suppressed(recycled)).isEmpty();
		this.lines.erase(erased);

		await("stale choices deleted").atMost(Duration.ofSeconds(30))
			.until(() -> this.holders.choices(recycled).isEmpty() && this.holders.choices(erased).isEmpty());
		assertThat(unsubscribe(link)).as("the last holder's link").isEqualTo(410);
	}

	@Test
	void thePreferencePageFromAnEmailsFooterSendsTheNextReminderBySmsOnlyInTheChosenLanguage() throws Exception {
		String email = Unique.name("prefs") + "@example.com";
		Msisdn sms = Unique.msisdn();
		ReminderDue first = reminder(Unique.msisdn(), holder(email, sms, HolderLocale.NL), 30);
		publish(first);
		Matcher footer = Pattern.compile("http://localhost:8083(/preferences/[A-Za-z0-9_.-]+)")
			.matcher(textOf(awaitOneEmail(email)));
		assertThat(footer.find()).as("a preference link in the footer").isTrue();
		String page = this.publicUrl + footer.group(1);

		HttpResponse<String> shown = preferences(page, null, null);
		assertThat(shown.statusCode()).isEqualTo(200);
		assertThat(shown.body()).contains("lang=\"nl\"", "value=\"EMAIL\" checked", "value=\"SMS\" checked",
				"<option value=\"nl\" selected");
		assertThat(preferences(page, "https://evil.example", "channel=SMS&locale=fr").statusCode())
			.as("a cross-site POST")
			.isEqualTo(403);
		assertThat(preferences(page, this.publicUrl, "channel=SMS&locale=xx").statusCode()).isEqualTo(400);
		assertThat(this.holders.choices(first.msisdn())).isEmpty();
		HttpResponse<String> saved = preferences(page, this.publicUrl, "channel=SMS&locale=fr");
		assertThat(saved.statusCode()).isEqualTo(200);
		assertThat(saved.body()).contains("lang=\"fr\"", "Enregistré", "value=\"EMAIL\">", "value=\"SMS\" checked");
		await("every instance honours it").atMost(Duration.ofSeconds(10))
			.until(() -> this.choices.suppressed(first.msisdn()).contains(Channel.EMAIL));
		publishAlone(reminder(first.msisdn(), holderOf(first), 7));

		List<NotificationSent> sent = awaitOutcomes(first.msisdn(), NotificationSent.class, 2);
		assertThat(sent).extracting(NotificationSent::channel).containsExactly(Channel.EMAIL, Channel.SMS);
		assertThat(sent.get(1).locale()).isEqualTo(HolderLocale.FR);
		assertThat(webhooks.findAll(postRequestedFor(urlEqualTo("/2010-04-01/Accounts/AC1/Messages.json")))
			.stream()
			.map((request) -> URLDecoder.decode(request.getBodyAsString(), StandardCharsets.UTF_8))
			.filter((body) -> body.contains("To=" + sms.value()))).singleElement()
			.satisfies((body) -> assertThat(body).contains("Keepline : votre"));
		assertThat(outcomes(first.msisdn(), NotificationFailed.class)).singleElement()
			.satisfies((failed) -> assertThat(failed.reason()).isEqualTo("email_unsubscribed"));
		assertThat(received(email)).hasSize(1);
	}

	@Test
	void refusesAForgedAnExpiredOrAnotherPurposesPreferenceLink() throws Exception {
		LineRecord line = this.lines.write(SchedulerLines.open(Unique.msisdn(), LocalDate.now().plusDays(20),
				holder("p@example.com", null, HolderLocale.EN), Instant.now()));
		LinkSigner signer = LinkSigner.fromSecret(LINK_SECRET, Clock.systemUTC());
		String valid = signer.issue(LinkPurpose.PREFERENCES, line.cycle(), Duration.ofDays(90));
		char last = valid.charAt(valid.length() - 1);
		String forged = valid.substring(0, valid.length() - 1) + ((last == 'A') ? 'B' : 'A');
		String expired = signer.issue(LinkPurpose.PREFERENCES, line.cycle(), Duration.ofSeconds(-1));
		String unsubscribe = signer.issue(LinkPurpose.UNSUBSCRIBE, line.cycle(), Duration.ofDays(1));
		String form = "locale=de";

		for (String method : List.of("GET", "POST")) {
			String body = method.equals("GET") ? null : form;
			assertThat(preferences(this.publicUrl + "/preferences/" + forged, this.publicUrl, body).statusCode())
				.as(method + " forged")
				.isEqualTo(403);
			assertThat(preferences(this.publicUrl + "/preferences/" + unsubscribe, this.publicUrl, body).statusCode())
				.as(method + " another purpose")
				.isEqualTo(403);
			assertThat(preferences(this.publicUrl + "/preferences/" + expired, this.publicUrl, body).statusCode())
				.as(method + " expired")
				.isEqualTo(410);
		}
		assertThat(preferences(this.publicUrl + "/preferences/" + valid, null, null).statusCode()).isEqualTo(200);
		assertThat(this.holders.choices(line.msisdn())).isEmpty();
	}

	/** A GET without a body, else a form POST with {@code origin} (none if null). */
	private static HttpResponse<String> preferences(String url, String origin, String form) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url));
		if (form == null) {
			request.GET();
		}
		else {
			request.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(form));
			if (origin != null) {
				request.header("Origin", origin);
			}
		}
		return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private int unsubscribe(String token) throws Exception {
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(this.publicUrl + "/unsubscribe/" + token))
				.POST(HttpRequest.BodyPublishers.ofString("List-Unsubscribe=One-Click"))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.build(), HttpResponse.BodyHandlers.discarding())
			.statusCode();
	}

	private int inboundSms(Map<String, String> params, String signature) throws Exception {
		return twilioPost("/v1/sms/inbound", params, signature);
	}

	/** A form POST to {@code path} as Twilio sends it, signed with {@code signature}. */
	private int twilioPost(String path, Map<String, String> params, String signature) throws Exception {
		String form = params.entrySet()
			.stream()
			.map((e) -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
					+ URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(this.publicUrl + path))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.header("X-Twilio-Signature", signature)
				.POST(HttpRequest.BodyPublishers.ofString(form))
				.build(), HttpResponse.BodyHandlers.discarding())
			.statusCode();
	}

	/** Twilio's signature, computed here independently of the notifier's code. */
	private static String twilioSignature(String url, Map<String, String> params) throws Exception {
		StringBuilder data = new StringBuilder(url);
		params.keySet().stream().sorted().forEach((name) -> data.append(name).append(params.get(name)));
		javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA1");
		mac.init(new javax.crypto.spec.SecretKeySpec("sms-token".getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
		return java.util.Base64.getEncoder()
			.encodeToString(mac.doFinal(data.toString().getBytes(StandardCharsets.UTF_8)));
	}

	/**
	 * A reminder to {@code holder}: the event names no holder, so the test keeps who it
	 * is for ({@link #holderOf}) and writes it to the line's record, where the notifier
	 * reads it.
	 */
	private ReminderDue reminder(Msisdn msisdn, Holder holder, int stage) {
		LocalDate validUntil = LocalDate.of(2026, 12, 31);
		ReminderDue due = new ReminderDue(UUID.randomUUID(), Instant.now(), msisdn, OperatorId.of("orange"), validUntil,
				stage, Instant.now(), ReminderTrigger.SCHEDULED, Money.of(1500, "EUR"), null, null);
		this.intended.put(due.eventId(), holder);
		return due;
	}

	private Holder holderOf(ReminderDue reminder) {
		return this.intended.get(reminder.eventId());
	}

	@Test
	void sendsTheCardCodeAHolderAskedForInTheirLanguageAndNeverPutsItOnATopic(KafkaCluster cluster) throws Exception {
		String email = Unique.name("de") + "@example.com";
		Msisdn msisdn = Unique.msisdn();
		this.lines.write(SchedulerLines.open(msisdn, LocalDate.now().plusDays(10), holder(email, null, HolderLocale.DE),
				Instant.now()));
		LinkSigner signer = LinkSigner.fromSecret(LINK_SECRET, Clock.systemUTC());
		PaymentMethodCodeRequested request = new PaymentMethodCodeRequested(UUID.randomUUID(), Instant.now(), msisdn,
				signer.signingKeyId(), Instant.now().plus(Duration.ofMinutes(10)));
		String code = signer.oneTimeCode(request.keyId(), request.eventId(), msisdn, request.expiresAt()).orElseThrow();
		try (KafkaProducer<Msisdn, PaymentEvent> payments = new KafkaProducer<>(cluster.producerProperties(),
				Topics.MSISDN.serializer(), Topics.PAYMENT_EVENTS.valueSerde().serializer())) {
			payments.send(new ProducerRecord<>(Topics.PAYMENT_EVENTS.name(), msisdn, request)).get();
		}

		MimeMessage message = awaitOneEmail(email);
		assertThat(message.getSubject()).isEqualTo("Ihr Keepline-Code: " + code);
		assertThat(textOf(message)).contains("Ihr Einmalcode", code, msisdn.masked()).doesNotContain(msisdn.value());
		NotificationSent sent = awaitOutcomes(msisdn, NotificationSent.class, 1).get(0);
		assertThat(sent.template()).isEqualTo("card-code");
		assertThat(sent.sourceEventId()).isEqualTo(request.eventId());
		assertThat(outcomes.records()).filteredOn((r) -> r.key().equals(msisdn))
			.allSatisfy((r) -> assertThat(
					new String(Topics.NOTIFICATION_EVENTS.valueSerde().serializer().serialize(null, r.value()),
							StandardCharsets.UTF_8))
				.doesNotContain(code));
	}

	@Test
	void tellsTheHolderOfARefundWithItsReasonOnceThoughKeeplineAndStripeBothReportIt() throws Exception {
		String email = Unique.name("refund") + "@example.com";
		Msisdn msisdn = Unique.msisdn();
		LocalDate validUntil = LocalDate.now().plusDays(20);
		this.lines.write(SchedulerLines.in(
				SchedulerLines.open(msisdn, validUntil, holder(email, null, HolderLocale.NL), Instant.now()),
				CycleState.RENEWED));
		PaymentRefunded ours = new PaymentRefunded(UUID.randomUUID(), Instant.now(), msisdn, validUntil,
				Money.of(1500, "EUR"), "pi_double", "re_1", null, "already_paid");
		PaymentRefunded stripes = new PaymentRefunded(UUID.randomUUID(), Instant.now(), msisdn, validUntil,
				Money.of(1500, "EUR"), "pi_double", "re_1", "evt_refund");
		// another refund after them, in the same partition: once it is told, they were
		// read
		PaymentRefunded marker = new PaymentRefunded(UUID.randomUUID(), Instant.now(), msisdn, validUntil,
				Money.of(1500, "EUR"), "pi_marker", "re_2", null, "amount_mismatch");
		publishPayments(ours, stripes, ours, marker);

		List<NotificationSent> sent = awaitOutcomes(msisdn, NotificationSent.class, 2);
		assertThat(sent).extracting(NotificationSent::notificationId)
			.containsExactly("payment-refunded:pi_double:email", "payment-refunded:pi_marker:email");
		assertThat(sent).allSatisfy((one) -> assertThat(one.locale()).isEqualTo(HolderLocale.NL));
		List<MimeMessage> messages = received(email);
		assertThat(messages).hasSize(2);
		assertThat(messages.get(0).getSubject()).startsWith("Terugbetaling van ").contains("15,00");
		assertThat(textOf(messages.get(0))).contains("een dubbele betaling: deze verlenging was al betaald")
			.doesNotContain(msisdn.value());
		assertThat(textOf(messages.get(1))).contains("het betaalde bedrag kwam niet overeen met de verlengingsprijs");
	}

	@Test
	void tellsTheHolderOfAFailedCheckoutWithAFreshPayLinkButLeavesAutoRenewalFailuresToTheScheduler() throws Exception {
		String email = Unique.name("checkout") + "@example.com";
		Msisdn msisdn = Unique.msisdn();
		LocalDate validUntil = LocalDate.now().plusDays(20);
		this.lines.write(SchedulerLines.open(msisdn, validUntil, holder(email, null, HolderLocale.FR), Instant.now()));
		PaymentFailed bancontact = new PaymentFailed(UUID.randomUUID(), Instant.now(), msisdn, validUntil,
				PaymentSource.CHECKOUT, null, "pi_bancontact", "evt_failed", "payment_intent_payment_attempt_failed",
				null, true);
		PaymentFailed automatic = new PaymentFailed(UUID.randomUUID(), Instant.now(), msisdn, validUntil,
				PaymentSource.AUTO_RENEWAL, 1, "pi_auto", "evt_auto", "card_declined", "generic_decline", true);
		PaymentFailed marker = new PaymentFailed(UUID.randomUUID(), Instant.now(), msisdn, validUntil,
				PaymentSource.CHECKOUT, null, "pi_marker", "evt_marker", "card_declined", null, true);
		publishPayments(automatic, bancontact, bancontact, marker);

		List<NotificationSent> sent = awaitOutcomes(msisdn, NotificationSent.class, 2);
		assertThat(sent).extracting(NotificationSent::notificationId)
			.containsExactly("checkout-failed:pi_bancontact:email", "checkout-failed:pi_marker:email");
		assertThat(received(email)).hasSize(2);
		MimeMessage message = received(email).get(0);
		assertThat(message.getSubject()).startsWith("Votre paiement pour le +32 47");
		String text = textOf(message);
		assertThat(text).contains("paiement refusé");
		Matcher link = PAY_LINK.matcher(text);
		assertThat(link.find()).isTrue();
		assertThat(LinkSigner.fromSecret(LINK_SECRET, Clock.systemUTC()).verify(link.group(1), LinkPurpose.PAY))
			.isInstanceOfSatisfying(LinkVerification.Valid.class,
					(valid) -> assertThat(valid.link().cycle()).isEqualTo(bancontact.cycle()));
		assertThat(sent.get(0).template()).isEqualTo("checkout-failed");
	}

	@Test
	void aReceiptSaysHowTheCycleWasPaidAndWhenTheNewValidityShowsOrWhatItIs() throws Exception {
		String waiting = Unique.name("receipt") + "@example.com";
		String applied = Unique.name("receipt") + "@example.com";
		Msisdn first = Unique.msisdn();
		Msisdn second = Unique.msisdn();
		LocalDate validUntil = LocalDate.now().plusDays(5);
		Holder german = holder(waiting, null, HolderLocale.DE);
		Holder chinese = holder(applied, null, HolderLocale.ZH);
		this.lines.write(SchedulerLines
			.in(SchedulerLines.open(first, validUntil, german, Instant.now().minusSeconds(60)), CycleState.RENEWED));
		this.lines.write(SchedulerLines.extendedTo(
				SchedulerLines.open(second, validUntil, chinese, Instant.now().minusSeconds(60)),
				LocalDate.of(2030, 1, 31)));
		publishAlone(new RenewalConfirmed(UUID.randomUUID(), Instant.now(), first, OperatorId.of("orange"), validUntil,
				Money.of(1500, "EUR"), "pi_1", PaymentSource.CHECKOUT));
		publishAlone(new RenewalConfirmed(UUID.randomUUID(), Instant.now(), second, OperatorId.of("orange"), validUntil,
				Money.of(1500, "EUR"), "pi_2", PaymentSource.AUTO_RENEWAL));

		assertThat(textOf(awaitOneEmail(waiting))).contains("Bezahlt mit: Zahlungslink (Karte oder Bancontact)")
			.contains("innerhalb von 24 Stunden nach Ihrer Zahlung");
		assertThat(textOf(awaitOneEmail(applied))).contains("使用您保存的银行卡自动续费").contains("新的有效期: 2030年1月31日");
	}

	@Test
	void tellsTheLapseOnItsHolderFacingEventInTheirLanguageWithALinkToTheStatusPage() throws Exception {
		String email = Unique.name("lapse") + "@example.com";
		Msisdn msisdn = Unique.msisdn();
		LocalDate validUntil = LocalDate.now().minusDays(1);
		Holder holder = new Holder("李伟", email, null, null, HolderLocale.ZH, ZoneId.of("Asia/Shanghai"));
		this.lines.write(
				SchedulerLines.in(SchedulerLines.open(msisdn, validUntil, holder, Instant.now()), CycleState.LAPSED));
		Instant lapsedAt = validUntil.plusDays(1).atStartOfDay(ZoneId.of("Europe/Brussels")).toInstant();
		publishAlone(new LineLapsed(UUID.randomUUID(), lapsedAt, msisdn, OperatorId.of("orange"), validUntil));
		publishAlone(new LapseNoticeDue(UUID.randomUUID(), Instant.now(), msisdn, OperatorId.of("orange"), validUntil,
				lapsedAt));

		MimeMessage message = awaitOneEmail(email);
		assertThat(message.getSubject()).startsWith("最后警告");
		String text = textOf(message);
		assertThat(text).contains("我还能做什么？: http://localhost:8084/status/").doesNotContain("/pay/");
		assertThat(awaitOutcomes(msisdn, NotificationSent.class, 1).get(0).sourceEventId()).isNotNull();
	}

	/**
	 * Issue 16: a line with canary contact fields and a canary card goes through an
	 * upcoming-charge reminder (written before its record, so that it waits on a retry
	 * topic), an automatic charge that fails, and a lapse, one event of which is keyed by
	 * another line and dead-lettered. Every byte of deadline-events, notification-events
	 * and the notifier's retry and dead-letter topics is searched: no canary, though the
	 * emails reach the holder by name with their card, and the same search finds every
	 * canary on the line record.
	 */
	@Test
	void noContactOrCardOfTheHolderReachesADeadlineNotificationRetryOrDeadLetterTopic(KafkaCluster cluster)
			throws Exception {
		String canary = Unique.name("canary");
		String last4 = String.format("%04d", ThreadLocalRandom.current().nextInt(10_000));
		Holder holder = new Holder("Holder " + canary, canary + "@example.com", Unique.msisdn(),
				URI.create(webhooks.baseUrl() + "/hook/" + canary), HolderLocale.EN, ZoneId.of("Europe/Brussels"));
		Msisdn msisdn = Unique.msisdn();
		LocalDate validUntil = LocalDate.now().plusDays(10);
		LineRecord record = SchedulerLines.withCard(SchedulerLines.open(msisdn, validUntil, holder, Instant.now()),
				new SavedMethod("visa", last4, 12, 2034));
		Money price = Money.of(1500, "EUR");
		OperatorId orange = OperatorId.of("orange");

		publishAlone(new ReminderDue(UUID.randomUUID(), Instant.now(), msisdn, orange, validUntil, 7, Instant.now(),
				ReminderTrigger.SCHEDULED, price, new PlannedCharge(validUntil.minusDays(3)), null));
		await("the reminder waits for its record").atMost(Duration.ofSeconds(30))
			.until(() -> outcomes(msisdn, NotificationFailed.class).stream()
				.anyMatch((failed) -> "line_record_missing".equals(failed.reason())));
		this.lines.write(record);
		publishAlone(new AutoRenewalDue(UUID.randomUUID(), Instant.now(), msisdn, orange, validUntil, 1,
				new PaymentMethodRef("cus_" + msisdn.value().substring(1), "pm_1", "visa", last4, 12, 2034), price));
		publishAlone(new ReminderDue(UUID.randomUUID(), Instant.now(), msisdn, orange, validUntil, 2, Instant.now(),
				ReminderTrigger.AUTO_RENEWAL_FAILED, price, new PlannedCharge(validUntil.minusDays(2)),
				new PaymentFailure("card_declined", "generic_decline", 1)));
		Instant lapsedAt = validUntil.plusDays(1).atStartOfDay(ZoneId.of("Europe/Brussels")).toInstant();
		LapseNoticeDue lapse = new LapseNoticeDue(UUID.randomUUID(), Instant.now(), msisdn, orange, validUntil,
				lapsedAt);
		Msisdn misrouted = Unique.msisdn();
		producer.send(new ProducerRecord<>(Topics.DEADLINE_EVENTS.name(), misrouted, lapse));
		publishAlone(new LineLapsed(UUID.randomUUID(), lapsedAt, msisdn, orange, validUntil));
		publishAlone(lapse);

		await("three emails to the holder").atMost(Duration.ofSeconds(60))
			.until(() -> received(holder.email()).size() >= 3);
		List<String> texts = received(holder.email()).stream().map(NotifierIntegrationTest::bodyOf).toList();
		assertThat(texts).hasSize(3).allSatisfy((text) -> assertThat(text).contains("Hello " + holder.name()));
		assertThat(texts).anySatisfy((text) -> assertThat(text).contains("card ending " + last4));
		Map<String, List<String>> raw = await("the misrouted lapse notice dead-lettered").atMost(Duration.ofSeconds(30))
			.until(() -> RawTopics.read(cluster, heldCopiesOfDeadlineEventsAnd(cluster)),
					(topics) -> topics.get(Topics.DEADLINE_EVENTS.deadLetter())
						.stream()
						.anyMatch((text) -> text.contains(misrouted.value())));
		assertThat(raw.entrySet()).as("topics holding a record of the line")
			.filteredOn((topic) -> topic.getValue().stream().anyMatch((text) -> text.contains(msisdn.value())))
			.extracting(Map.Entry::getKey)
			.contains(Topics.DEADLINE_EVENTS.name(), Topics.NOTIFICATION_EVENTS.name(),
					Topics.DEADLINE_EVENTS.name() + "-retry-0");
		List<String> canaries = List.of(holder.name(), holder.email(), holder.sms().value(),
				holder.webhookUrl().toString(), "\"" + last4 + "\"");
		raw.forEach((topic, records) -> assertThat(records).as(topic)
			.allSatisfy((text) -> assertThat(text).doesNotContain(canaries)));
		assertThat(String.join("\n", RawTopics.read(cluster, List.of(Topics.LINES.name())).get(Topics.LINES.name())))
			.as("the line record, where the holder and card live")
			.contains(holder.name(), holder.email(), holder.sms().value(), holder.webhookUrl().toString(),
					"\"" + last4 + "\"");
	}

	/**
	 * deadline-events, notification-events, the SMS sent and every copy the notifier
	 * keeps of deadline events: its retry topics and its dead letters.
	 */
	private static List<String> heldCopiesOfDeadlineEventsAnd(KafkaCluster cluster) throws Exception {
		try (Admin admin = Admin.create(cluster.adminProperties())) {
			List<String> topics = new ArrayList<>(admin.listTopics()
				.names()
				.get()
				.stream()
				.filter((name) -> name.startsWith(Topics.DEADLINE_EVENTS.name() + "-"))
				.toList());
			topics.add(Topics.DEADLINE_EVENTS.name());
			topics.add(Topics.NOTIFICATION_EVENTS.name());
			topics.add(Topics.SMS_SENT.name());
			return topics;
		}
	}

	private static String bodyOf(MimeMessage message) {
		try {
			return textOf(message);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static void publishPayments(PaymentEvent... events) {
		for (PaymentEvent event : events) {
			paymentProducer.send(new ProducerRecord<>(Topics.PAYMENT_EVENTS.name(), event.msisdn(), event));
		}
		paymentProducer.flush();
	}

	private static Holder holder(String email, Msisdn sms, HolderLocale locale) {
		return new Holder("Camille", email, sms, null, locale, ZoneId.of("Europe/Brussels"));
	}

	/** Publishes a reminder after the open line's record, as the scheduler would have. */
	private void publish(ReminderDue reminder) {
		this.lines.write(SchedulerLines.open(reminder.msisdn(), reminder.validUntil(), holderOf(reminder),
				reminder.occurredAt()));
		publishAlone(reminder);
	}

	private static void publishAlone(DeadlineEvent event) {
		producer.send(new ProducerRecord<>(Topics.DEADLINE_EVENTS.name(), event.msisdn(), event));
		producer.flush();
	}

	private static List<MimeMessage> received(String address) {
		return Arrays.stream(smtp.getReceivedMessages()).filter((message) -> isFor(message, address)).toList();
	}

	private static boolean isFor(MimeMessage message, String address) {
		try {
			return Arrays.stream(message.getRecipients(Message.RecipientType.TO))
				.anyMatch((recipient) -> recipient.toString().equals(address));
		}
		catch (jakarta.mail.MessagingException ex) {
			return false;
		}
	}

	private static MimeMessage awaitOneEmail(String address) {
		await().atMost(Duration.ofSeconds(60)).until(() -> !received(address).isEmpty());
		List<MimeMessage> messages = received(address);
		assertThat(messages).hasSize(1);
		return messages.get(0);
	}

	private static <T extends NotificationEvent> List<T> outcomes(Msisdn msisdn, Class<T> type) {
		return outcomes.values(type).stream().filter((event) -> event.msisdn().equals(msisdn)).toList();
	}

	private static <T extends NotificationEvent> List<T> awaitOutcomes(Msisdn msisdn, Class<T> type, int count) {
		await().atMost(Duration.ofSeconds(60)).until(() -> outcomes(msisdn, type).size() >= count);
		List<T> found = outcomes(msisdn, type);
		assertThat(found).hasSize(count);
		return found;
	}

	private static void awaitDeferredBySmtp(Msisdn msisdn) {
		await("a first attempt refused by SMTP").atMost(Duration.ofSeconds(60))
			.until(() -> outcomes(msisdn, NotificationFailed.class).stream()
				.anyMatch((failed) -> !failed.permanent() && failed.reason().equals("smtp_unavailable")));
	}

	private static NotificationFailed awaitSuppression(Msisdn msisdn) {
		await("a suppression").atMost(Duration.ofSeconds(60))
			.until(() -> outcomes(msisdn, NotificationFailed.class).stream().anyMatch(NotificationFailed::permanent));
		List<NotificationFailed> suppressed = outcomes(msisdn, NotificationFailed.class).stream()
			.filter(NotificationFailed::permanent)
			.toList();
		assertThat(suppressed).hasSize(1);
		return suppressed.get(0);
	}

	private static String subjectOf(MimeMessage message) {
		try {
			return message.getSubject();
		}
		catch (jakarta.mail.MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String textOf(MimeMessage message) throws Exception {
		jakarta.mail.Multipart alternative = (jakarta.mail.Multipart) message.getContent();
		return (String) alternative.getBodyPart(0).getContent();
	}

	private static String stateDir() {
		try {
			return Files.createTempDirectory("notifier-lines").toString();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
