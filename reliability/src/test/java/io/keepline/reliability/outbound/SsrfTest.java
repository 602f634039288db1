package io.keepline.reliability.outbound;

import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.keepline.contracts.Holder;
import io.keepline.contracts.HolderLocale;
import io.keepline.contracts.Money;
import io.keepline.contracts.Msisdn;
import io.keepline.contracts.OperatorId;
import io.keepline.contracts.deadline.DeadlineEvent;
import io.keepline.contracts.deadline.ReminderDue;
import io.keepline.contracts.deadline.ReminderTrigger;
import io.keepline.contracts.notification.NotificationEvent;
import io.keepline.contracts.notification.NotificationFailed;
import io.keepline.contracts.notification.NotificationSent;
import io.keepline.contracts.topic.Topics;
import io.keepline.notifier.delivery.LineLookup;
import io.keepline.reliability.LineRecords;
import io.keepline.reliability.ReliabilityReport;
import io.keepline.reliability.ServiceRun;
import io.keepline.standalone.FreePorts;
import io.keepline.testsupport.KafkaCluster;
import io.keepline.testsupport.RealKafka;
import io.keepline.testsupport.TopicProbe;
import io.keepline.testsupport.Unique;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue #18: holders whose webhook URL points inside the network (loopback by address, by
 * name and over plain http, RFC 1918 and RFC 4193 ranges, link-local and the cloud
 * metadata address, multicast, unspecified) get nothing: the notifier, run as in
 * production (no local origin allowed), refuses each for good without opening a
 * connection, while other holders' emails go out. A listener on loopback counts the
 * connections it gets, and is shown to count one.
 */
@RealKafka
class SsrfTest {

	private static final int OTHERS = 20;

	@Test
	void refusesEveryInternalTargetWithoutConnecting(KafkaCluster cluster) throws Exception {
		cluster.createTopics(Topics.DEADLINE_EVENTS, Topics.NOTIFICATION_EVENTS, Topics.LINES);
		GreenMail smtp = new GreenMail(new ServerSetup(FreePorts.find(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
		smtp.start();
		String group = Unique.name("notifier-ssrf");
		cluster.startGroupAtEnd(group, Topics.DEADLINE_EVENTS);
		try (HostileReceiver listener = HostileReceiver.blackhole();
				ServiceRun notifier = ServiceRun.notifier(cluster.bootstrapServers(), "127.0.0.1",
						smtp.getSmtp().getPort(), Map.of("keepline.notifier.group-id", group));
				TopicProbe<Msisdn, NotificationEvent> outcomes = TopicProbe.of(cluster, Topics.NOTIFICATION_EVENTS);
				LineRecords lines = new LineRecords(cluster);
				KafkaProducer<Msisdn, DeadlineEvent> scheduler = new KafkaProducer<>(cluster.producerProperties(),
						Topics.MSISDN.serializer(), Topics.DEADLINE_EVENTS.valueSerde().serializer())) {
			int port = listener.origin().getPort();
			List<URI> targets = List.of(URI.create("https://127.0.0.1:" + port + "/hook"),
					URI.create("https://localhost:" + port + "/hook"), URI.create("https://[::1]:" + port + "/hook"),
					URI.create("http://127.0.0.1:" + port + "/hook"), URI.create("https://127.0.0.2:" + port + "/hook"),
					URI.create("https://10.0.0.1/hook"), URI.create("https://172.16.0.1/hook"),
					URI.create("https://192.168.1.1/hook"), URI.create("https://[fc00::1]/hook"),
					URI.create("https://[fd12:3456::1]/hook"), URI.create("https://169.254.169.254/latest/meta-data/"),
					URI.create("https://[fe80::1]/hook"), URI.create("https://224.0.0.1/hook"),
					URI.create("https://[ff02::1]/hook"), URI.create("https://0.0.0.0:" + port + "/hook"),
					URI.create("https://[::]:" + port + "/hook"));
			Map<Msisdn, Holder> holders = new HashMap<>();
			List<ReminderDue> internal = targets.stream()
				.map((target) -> reminder(
						new Holder("Mallory", null, null, target, HolderLocale.EN, ZoneId.of("Europe/Brussels")),
						holders))
				.toList();
			List<ReminderDue> others = new ArrayList<>();
			for (int i = 0; i < OTHERS; i++) {
				others.add(reminder(new Holder("Ana", Unique.name("ana") + "@example.com", null, null, HolderLocale.FR,
						ZoneId.of("Europe/Brussels")), holders));
			}
			List<ReminderDue> all = new ArrayList<>(internal);
			all.addAll(others);
			lines.write(all.stream()
				.map((reminder) -> LineRecords.openFor(reminder, holders.get(reminder.msisdn())))
				.toList(), notifier.bean(LineLookup.class)::find);
			for (ReminderDue reminder : all) {
				scheduler.send(new ProducerRecord<>(Topics.DEADLINE_EVENTS.name(), reminder.msisdn(), reminder));
			}
			scheduler.flush();

			Map<Msisdn, URI> targetOf = internal.stream()
				.collect(Collectors.toMap(ReminderDue::msisdn,
						(reminder) -> holders.get(reminder.msisdn()).webhookUrl()));
			await("every internal target refused, every other holder emailed").atMost(Duration.ofSeconds(90))
				.until(() -> refused(outcomes, targetOf).size() == targets.size()
						&& sent(outcomes, others).size() == OTHERS);
			Map<URI, NotificationFailed> refused = refused(outcomes, targetOf);
			assertThat(refused.values()).allSatisfy((failed) -> {
				assertThat(failed.permanent()).as("%s refused for good", failed.reason()).isTrue();
				assertThat(failed.reason()).isEqualTo("webhook_address_refused");
			});
			assertThat(outcomes.values(NotificationSent.class)).as("sent to an internal target")
				.noneMatch((sent) -> targetOf.containsKey(sent.msisdn()));
			// the notifier reads the shared broker's payment-events and lines too: count
			// only
			// the emails to this test's holders
			Set<String> addresses = others.stream()
				.map((reminder) -> holders.get(reminder.msisdn()).email())
				.collect(Collectors.toSet());
			long othersEmailed = Arrays.stream(smtp.getReceivedMessages())
				.filter((message) -> addressedTo(message, addresses))
				.count();
			assertThat(othersEmailed).as("emails to the other holders").isEqualTo(OTHERS);
			int connectionsFromTheNotifier = listener.connections();
			assertThat(connectionsFromTheNotifier).as("connections the loopback listener got").isZero();
			try (Socket probe = new Socket(InetAddress.getLoopbackAddress(), port)) {
				await("the listener counts a connection").atMost(Duration.ofSeconds(10))
					.until(() -> listener.connections() == 1);
			}

			ReliabilityReport.of("ssrf")
				.count("internal-targets", targets.size())
				.count("refused-for-good", refused.size())
				.count("connections-made", connectionsFromTheNotifier)
				.count("others-emailed", othersEmailed)
				.write();
		}
		finally {
			smtp.stop();
		}
	}

	private static Map<URI, NotificationFailed> refused(TopicProbe<Msisdn, NotificationEvent> outcomes,
			Map<Msisdn, URI> targetOf) {
		return outcomes.values(NotificationFailed.class)
			.stream()
			.filter((failed) -> targetOf.containsKey(failed.msisdn()))
			.collect(Collectors.toMap((failed) -> targetOf.get(failed.msisdn()), Function.identity(),
					(first, second) -> first));
	}

	private static List<NotificationSent> sent(TopicProbe<Msisdn, NotificationEvent> outcomes,
			List<ReminderDue> reminders) {
		List<Msisdn> numbers = reminders.stream().map(ReminderDue::msisdn).toList();
		return outcomes.values(NotificationSent.class)
			.stream()
			.filter((sent) -> numbers.contains(sent.msisdn()))
			.toList();
	}

	/** A reminder to a new line held by {@code holder}, which {@code holders} keeps. */
	private static ReminderDue reminder(Holder holder, Map<Msisdn, Holder> holders) {
		Instant now = Instant.now();
		ReminderDue reminder = new ReminderDue(UUID.randomUUID(), now, Unique.msisdn(), OperatorId.of("orange"),
				LocalDate.now().plusDays(7), 7, now, ReminderTrigger.SCHEDULED, Money.of(1500, "EUR"), null, null);
		holders.put(reminder.msisdn(), holder);
		return reminder;
	}

	private static boolean addressedTo(MimeMessage message, Set<String> addresses) {
		try {
			return Arrays.stream(message.getAllRecipients()).anyMatch((to) -> addresses.contains(to.toString()));
		}
		catch (MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
