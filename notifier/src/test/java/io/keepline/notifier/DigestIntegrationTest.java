package io.keepline.notifier;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.TopicPartition;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.keepline.contracts.Channel;
import io.keepline.contracts.Holder;
import io.keepline.contracts.HolderLocale;
import io.keepline.contracts.Money;
import io.keepline.contracts.Msisdn;
import io.keepline.contracts.OperatorId;
import io.keepline.contracts.deadline.DeadlineEvent;
import io.keepline.contracts.deadline.ReminderDue;
import io.keepline.contracts.deadline.ReminderTrigger;
import io.keepline.contracts.link.LinkPurpose;
import io.keepline.contracts.link.LinkSigner;
import io.keepline.contracts.link.LinkVerification;
import io.keepline.contracts.notification.NotificationEvent;
import io.keepline.contracts.notification.NotificationSent;
import io.keepline.contracts.topic.Topics;
import io.keepline.notifier.delivery.HolderChoiceLookup;
import io.keepline.notifier.delivery.LineLookup;
import io.keepline.testsupport.KafkaCluster;
import io.keepline.testsupport.RealKafka;
import io.keepline.testsupport.TopicProbe;
import io.keepline.testsupport.Unique;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One email for several pay reminders of one holder, on a real broker and SMTP server:
 * the reminders go through the holder-reminders topic, are gathered for the window and
 * sent as one digest listing each line with its own pay link; each line is recorded once
 * under its own notification id.
 */
@RealKafka
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "management.server.port=0", "keepline.notifier.digest.gather-window=2s" })
@DirtiesContext
class DigestIntegrationTest {

	private static final String LINK_SECRET = "digest-test-link-secret-32-bytes-long!";

	static final String SECRET = "digest-test-pseudonym-secret-32-bytes!";

	private static final String WEBHOOK_SECRETS = "orange=k1:whsec_digest_orange_secret_32_bytes_x";

	private static final String GROUP = Unique.name("notifier-digest");

	private static final String VICTIM = Unique.name("victim");

	private static final Pattern PAY_LINK = Pattern.compile("http://localhost:8084/pay/([A-Za-z0-9_.-]+)");

	private static final int SMTP_PORT = freePort();

	private static final GreenMail smtp = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", "smtp"));

	private static KafkaCluster kafka;

	private static KafkaProducer<Msisdn, DeadlineEvent> scheduler;

	private static TopicProbe<Msisdn, NotificationEvent> outcomes;

	private static final String HOLDER_READER = "keepline-notifier-holder-reminders";

	private final LineLookup notifier;

	private final KafkaListenerEndpointRegistry containers;

	private final HolderChoiceLookup choices;

	private final String publicUrl;

	DigestIntegrationTest(@Autowired LineLookup notifier, @Autowired KafkaListenerEndpointRegistry containers,
			@Autowired HolderChoiceLookup choices, @Value("${local.server.port}") int port) {
		this.notifier = notifier;
		this.containers = containers;
		this.choices = choices;
		this.publicUrl = "http://localhost:" + port;
	}

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) throws IOException {
		String stateDir = Files.createTempDirectory("notifier-digest").toString();
		registry.add("spring.kafka.streams.state-dir", () -> stateDir);
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", () -> SMTP_PORT);
		registry.add("keepline.links.secret", () -> LINK_SECRET);
		registry.add("keepline.notifier.webhook-secrets", () -> WEBHOOK_SECRETS);
		registry.add("keepline.notifier.group-id", () -> GROUP);
	}

	@BeforeAll
	static void start(KafkaCluster cluster) {
		smtp.start();
		cluster.createTopics(Topics.LINES, Topics.DEADLINE_EVENTS, Topics.NOTIFICATION_EVENTS, Topics.PAYMENT_EVENTS,
				Topics.HOLDER_CHOICES, Topics.HOLDER_REMINDERS);
		kafka = cluster;
		scheduler = new KafkaProducer<>(cluster.producerProperties(), Topics.MSISDN.serializer(),
				Topics.DEADLINE_EVENTS.valueSerde().serializer());
		outcomes = TopicProbe.of(cluster, Topics.NOTIFICATION_EVENTS);
	}

	@AfterAll
	static void stop() {
		scheduler.close();
		outcomes.close();
		smtp.stop();
	}

	/**
	 * Also: an unreadable record on holder-reminders goes to its dead letters and the
	 * reader goes on.
	 */
	@Test
	void threeLinesOfOneHolderDueTheSameHourMakeOneEmailWithThreePayLinksAndAnotherHolderGetsHisOwn() throws Exception {
		String address = Unique.name("ana") + "@example.com";
		// the same address as two operators wrote it: the case differs
		Holder ana = holder(address, HolderLocale.FR);
		Holder anaAgain = holder(address.toUpperCase(Locale.ROOT), HolderLocale.FR);
		String other = Unique.name("ben") + "@example.com";
		List<ReminderDue> anas = List.of(reminder(Unique.msisdn(), 7), reminder(Unique.msisdn(), 7),
				reminder(Unique.msisdn(), 1));
		ReminderDue bens = reminder(Unique.msisdn(), 7);
		try (SchedulerLines lines = new SchedulerLines(kafka, this.notifier)) {
			for (int i = 0; i < anas.size(); i++) {
				ReminderDue reminder = anas.get(i);
				lines.write(SchedulerLines.open(reminder.msisdn(), reminder.validUntil(), (i == 1) ? anaAgain : ana,
						reminder.occurredAt()));
			}
			lines.write(SchedulerLines.open(bens.msisdn(), bens.validUntil(), holder(other, HolderLocale.EN),
					bens.occurredAt()));
		}
		String poison = Unique.name("poison");
		try (KafkaProducer<String, String> raw = new KafkaProducer<>(kafka.producerProperties(), new StringSerializer(),
				new StringSerializer())) {
			raw.send(new ProducerRecord<>(Topics.HOLDER_REMINDERS.name(), poison, "{not a deadline event")).get();
		}
		anas.forEach(DigestIntegrationTest::publish);
		publish(bens);

		await("each line's outcome").atMost(Duration.ofSeconds(30))
			.until(() -> anas.stream().allMatch((r) -> !sent(r.msisdn()).isEmpty()) && !sent(bens.msisdn()).isEmpty());
		List<MimeMessage> toAna = received(address);
		assertThat(toAna).as("one email to the holder of three lines").hasSize(1);
		MimeMessage digest = toAna.get(0);
		assertThat(digest.getSubject()).isEqualTo("Renouvelez vos 3 numéros");
		String text = textOf(digest);
		assertThat(text).contains("Bonjour Camille,").contains("3 de vos numéros sont à renouveler");
		Matcher links = PAY_LINK.matcher(text);
		LinkSigner signer = LinkSigner.fromSecret(LINK_SECRET, Clock.systemUTC());
		Set<Msisdn> paid = links.results().map((link) -> signer.verify(link.group(1), LinkPurpose.PAY)).map((v) -> {
			assertThat(v).isInstanceOf(LinkVerification.Valid.class);
			return ((LinkVerification.Valid) v).link().cycle().msisdn();
		}).collect(Collectors.toSet());
		assertThat(paid).as("a pay link of each line's own cycle")
			.containsExactlyInAnyOrderElementsOf(anas.stream().map(ReminderDue::msisdn).toList());
		for (ReminderDue reminder : anas) {
			assertThat(text).contains(reminder.msisdn().masked());
			List<NotificationSent> outcome = sent(reminder.msisdn());
			assertThat(outcome).as("one outcome per line").hasSize(1);
			assertThat(outcome.get(0).sourceEventId()).isEqualTo(reminder.eventId());
			assertThat(outcome.get(0).channel()).isEqualTo(Channel.EMAIL);
			assertThat(outcome.get(0).providerMessageId()).isEqualTo(digest.getMessageID());
		}
		assertThat(anas.stream().map((r) -> sent(r.msisdn()).get(0).notificationId()).distinct())
			.as("each line's own notification id")
			.hasSize(3);
		oneClickStopsEmailForEveryLineOfTheDigest(digest, anas);
		List<MimeMessage> toBen = received(other);
		assertThat(toBen).hasSize(1);
		assertThat(toBen.get(0).getSubject()).startsWith("Renew your number " + bens.msisdn().masked());

		// a redelivered reminder of a line the digest covered sends nothing; a marker
		// reminder sent after it shows that it was read
		publish(anas.get(0));
		ReminderDue marker = reminder(Unique.msisdn(), 30);
		String markerAddress = Unique.name("marker") + "@example.com";
		try (SchedulerLines lines = new SchedulerLines(kafka, this.notifier)) {
			lines.write(SchedulerLines.open(marker.msisdn(), marker.validUntil(),
					holder(markerAddress, HolderLocale.EN), marker.occurredAt()));
		}
		publish(marker);
		await("the marker's email").atMost(Duration.ofSeconds(30)).until(() -> received(markerAddress).size() == 1);
		assertThat(received(address)).hasSize(1);
		assertThat(sent(anas.get(0).msisdn())).hasSize(1);
		try (TopicProbe<String, String> deadLetters = TopicProbe.raw(kafka, Topics.HOLDER_REMINDERS.deadLetter())) {
			await("the unreadable record dead-lettered").atMost(Duration.ofSeconds(30))
				.until(() -> deadLetters.records().stream().anyMatch((record) -> poison.equals(record.key())));
		}
	}

	/**
	 * The digest's {@code List-Unsubscribe} names each of its lines: one RFC 8058 POST,
	 * without cookies, stops email for all of them.
	 */
	private void oneClickStopsEmailForEveryLineOfTheDigest(MimeMessage digest, List<ReminderDue> lines)
			throws Exception {
		String[] header = digest.getHeader("List-Unsubscribe");
		assertThat(header).hasSize(1);
		String base = "<http://localhost:8083";
		assertThat(header[0]).startsWith(base + "/unsubscribe/").contains("?also=").endsWith(">");
		String path = header[0].substring(base.length(), header[0].length() - 1);
		HttpResponse<String> done = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(this.publicUrl + path))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString("List-Unsubscribe=One-Click"))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(done.statusCode()).isEqualTo(200);
		for (ReminderDue line : lines) {
			assertThat(done.body()).contains(line.msisdn().masked());
		}
		await("email stopped for every line of the digest").atMost(Duration.ofSeconds(10))
			.until(() -> lines.stream()
				.allMatch((line) -> this.choices.suppressed(line.msisdn()).contains(Channel.EMAIL)));
	}

	/**
	 * A second notifier, in a JVM of its own, owns every holder partition (this
	 * instance's holder reader stopped), gathers a holder's three reminders and is killed
	 * (SIGKILL) while its digest is on the wire, the SMTP server holding the message:
	 * nothing was delivered nor recorded. This instance's reader, started again, takes
	 * the partitions over once the victim's session expired and sends the digest: one
	 * email. About 30 s (a JVM start, a session timeout): run with the full reliability
	 * sizes, {@code -Dkeepline.reliability.scale=full}.
	 */
	@Test
	@EnabledIfSystemProperty(named = "keepline.reliability.scale", matches = "full")
	void aNotifierKilledWhileSendingADigestLeavesItToTheNextOwnerWhichSendsItOnce() throws Exception {
		MessageListenerContainer holders = this.containers.getListenerContainer(HOLDER_READER);
		String address = Unique.name("killed") + "@example.com";
		List<ReminderDue> reminders = List.of(reminder(Unique.msisdn(), 7), reminder(Unique.msisdn(), 7),
				reminder(Unique.msisdn(), 7));
		// written before the victim starts, so that it reads them as it starts
		try (SchedulerLines lines = new SchedulerLines(kafka, this.notifier)) {
			for (ReminderDue reminder : reminders) {
				lines.write(SchedulerLines.open(reminder.msisdn(), reminder.validUntil(),
						holder(address, HolderLocale.NL), reminder.occurredAt()));
			}
		}
		holders.stop();
		try (HoldingSmtpProxy proxy = new HoldingSmtpProxy(SMTP_PORT)) {
			Process victim = startVictim(proxy.port());
			try {
				await("the victim owns every holder partition").atMost(Duration.ofSeconds(90))
					.until(DigestIntegrationTest::victimPartitions,
							(partitions) -> partitions.size() == Topics.HOLDER_REMINDERS.partitions());
				proxy.arm();
				reminders.forEach(DigestIntegrationTest::publish);

				assertThat(proxy.holding().await(60, TimeUnit.SECONDS)).as("the victim sending the digest").isTrue();
				assertThat(received(address)).isEmpty();
				victim.destroyForcibly();
				assertThat(victim.waitFor(10, TimeUnit.SECONDS)).isTrue();
				assertThat(victim.exitValue()).as("killed by SIGKILL").isEqualTo(137);
				assertThat(proxy.cut().await(10, TimeUnit.SECONDS)).as("the held message cut off").isTrue();
				assertThat(reminders).allSatisfy((reminder) -> assertThat(sent(reminder.msisdn())).isEmpty());
				holders.start();

				await("the digest from the next owner").atMost(Duration.ofSeconds(60))
					.until(() -> reminders.stream().allMatch((reminder) -> !sent(reminder.msisdn()).isEmpty()));
				List<MimeMessage> emails = received(address);
				assertThat(emails).as("one email for the three lines").hasSize(1);
				assertThat(emails.get(0).getSubject()).isEqualTo("Verleng uw 3 nummers");
				String text = textOf(emails.get(0));
				assertThat(reminders).allSatisfy((reminder) -> {
					assertThat(text).contains(reminder.msisdn().masked());
					assertThat(sent(reminder.msisdn())).hasSize(1);
				});
			}
			finally {
				victim.destroyForcibly().waitFor();
				if (!holders.isRunning()) {
					holders.start();
				}
			}
		}
	}

	private static Process startVictim(int smtpPort) throws IOException {
		Path log = Files.createTempFile("digest-victim", ".log");
		List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx384m",
				"-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
				NotifierApplication.class.getName(), "--server.port=0", "--management.server.port=0",
				"--spring.main.banner-mode=off", "--spring.kafka.bootstrap-servers=" + kafka.bootstrapServers(),
				"--spring.kafka.client-id=" + VICTIM, "--keepline.notifier.group-id=" + GROUP,
				"--spring.kafka.consumer.properties.session.timeout.ms=6000",
				"--spring.kafka.consumer.properties.heartbeat.interval.ms=1000",
				"--spring.kafka.streams.state-dir=" + Files.createTempDirectory("notifier-victim"),
				"--spring.mail.host=127.0.0.1", "--spring.mail.port=" + smtpPort,
				"--keepline.links.secret=" + LINK_SECRET, "--keepline.notifier.webhook-secrets=" + WEBHOOK_SECRETS,
				"--keepline.notifier.digest.gather-window=3s", "--keepline.notifier.digest.secret=" + SECRET);
		return new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
			.start();
	}

	/** The holder-reminders partitions the victim's consumers were assigned. */
	private static Set<Integer> victimPartitions() throws Exception {
		try (Admin admin = Admin.create(kafka.adminProperties())) {
			ConsumerGroupDescription group = admin.describeConsumerGroups(List.of(GROUP + "-holders"))
				.all()
				.get()
				.get(GROUP + "-holders");
			if (group.groupState() != GroupState.STABLE) {
				return Set.of();
			}
			return group.members()
				.stream()
				.filter((member) -> member.clientId().startsWith(VICTIM))
				.flatMap((member) -> member.assignment().topicPartitions().stream())
				.map(TopicPartition::partition)
				.collect(Collectors.toSet());
		}
	}

	private static ReminderDue reminder(Msisdn msisdn, int stage) {
		return new ReminderDue(UUID.randomUUID(), Instant.now(), msisdn, OperatorId.of("orange"),
				LocalDate.now(ZoneOffset.UTC).plusDays(24), stage, Instant.now(), ReminderTrigger.SCHEDULED,
				Money.of(1500, "EUR"), null, null);
	}

	private static Holder holder(String email, HolderLocale locale) {
		return new Holder("Camille", email, null, null, locale, ZoneId.of("Europe/Brussels"));
	}

	private static void publish(DeadlineEvent event) {
		scheduler.send(new ProducerRecord<>(Topics.DEADLINE_EVENTS.name(), event.msisdn(), event));
		scheduler.flush();
	}

	private static List<NotificationSent> sent(Msisdn msisdn) {
		return outcomes.values(NotificationSent.class).stream().filter((e) -> e.msisdn().equals(msisdn)).toList();
	}

	private static List<MimeMessage> received(String address) {
		return Arrays.stream(smtp.getReceivedMessages()).filter((message) -> isFor(message, address)).toList();
	}

	private static boolean isFor(MimeMessage message, String address) {
		try {
			return Arrays.stream(message.getRecipients(Message.RecipientType.TO))
				.anyMatch((recipient) -> recipient.toString().equalsIgnoreCase(address));
		}
		catch (MessagingException ex) {
			return false;
		}
	}

	private static String textOf(MimeMessage message) throws Exception {
		return (String) ((Multipart) message.getContent()).getBodyPart(0).getContent();
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
