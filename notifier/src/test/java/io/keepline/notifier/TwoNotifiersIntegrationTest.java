package io.keepline.notifier;

import java.io.IOException;
import java.net.ServerSocket;
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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

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
import io.keepline.contracts.notification.NotificationSent;
import io.keepline.contracts.topic.Topics;
import io.keepline.notifier.delivery.LineLookup;
import io.keepline.testsupport.KafkaCluster;
import io.keepline.testsupport.RealKafka;
import io.keepline.testsupport.TopicProbe;
import io.keepline.testsupport.Unique;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two notifier instances on one broker, as two deployments would run them: they share the
 * deadline-events partitions, each reads every line's record, and every reminder is
 * delivered once, by either.
 */
@RealKafka
class TwoNotifiersIntegrationTest {

	private static final int LINES = 12;

	@Test
	void deliversEveryLinesReminderOnceThroughEitherInstanceWhichBothKnowEveryLine(KafkaCluster cluster)
			throws Exception {
		cluster.createTopics(Topics.LINES, Topics.DEADLINE_EVENTS, Topics.NOTIFICATION_EVENTS);
		String group = Unique.name("notifiers");
		cluster.startGroupAtEnd(group, Topics.DEADLINE_EVENTS);
		GreenMail smtp = new GreenMail(new ServerSetup(freePort(), "127.0.0.1", "smtp"));
		smtp.start();
		List<ConfigurableApplicationContext> notifiers = new ArrayList<>();
		try {
			notifiers.add(start(cluster, group, smtp));
			notifiers.add(start(cluster, group, smtp));
			await("both instances read deadline events").atMost(Duration.ofSeconds(60))
				.until(() -> notifiers.stream().allMatch(TwoNotifiersIntegrationTest::hasPartitions));
			for (ConfigurableApplicationContext notifier : notifiers) {
				assertThat(readiness(notifier)).isEqualTo(200);
			}
			LineLookup first = notifiers.get(0).getBean(LineLookup.class);
			LineLookup second = notifiers.get(1).getBean(LineLookup.class);
			List<ReminderDue> reminders = new ArrayList<>();
			try (SchedulerLines lines = new SchedulerLines(cluster, first, second);
					TopicProbe<Msisdn, NotificationEvent> outcomes = TopicProbe.of(cluster, Topics.NOTIFICATION_EVENTS);
					KafkaProducer<Msisdn, DeadlineEvent> scheduler = new KafkaProducer<>(cluster.producerProperties(),
							Topics.MSISDN.serializer(), Topics.DEADLINE_EVENTS.valueSerde().serializer())) {
				for (int i = 0; i < LINES; i++) {
					ReminderDue reminder = reminder(Unique.msisdn());
					lines.write(
							SchedulerLines.open(
									reminder.msisdn(), reminder.validUntil(), new Holder("Camille", email(reminder),
											null, null, HolderLocale.EN, ZoneId.of("Europe/Brussels")),
									reminder.occurredAt()));
					reminders.add(reminder);
				}
				for (ReminderDue reminder : reminders) {
					assertThat(first.find(reminder.msisdn())).isPresent();
					assertThat(second.find(reminder.msisdn())).isPresent();
					scheduler.send(new ProducerRecord<>(Topics.DEADLINE_EVENTS.name(), reminder.msisdn(), reminder));
				}
				scheduler.flush();

				await("every reminder delivered").atMost(Duration.ofSeconds(90))
					.until(() -> reminders.stream().allMatch((reminder) -> received(smtp, email(reminder)) > 0));
				// an outcome is published after its email was accepted, and read by the
				// probe later
				await("every reminder's outcome read").atMost(Duration.ofSeconds(30))
					.until(() -> reminders.stream()
						.allMatch((reminder) -> outcomes.values(NotificationSent.class)
							.stream()
							.anyMatch((sent) -> sent.msisdn().equals(reminder.msisdn()))));
				for (ReminderDue reminder : reminders) {
					assertThat(received(smtp, email(reminder))).as("emails for one line").isEqualTo(1);
					assertThat(outcomes.values(NotificationSent.class))
						.filteredOn((sent) -> sent.msisdn().equals(reminder.msisdn()))
						.hasSize(1);
				}
			}
		}
		finally {
			notifiers.forEach(ConfigurableApplicationContext::close);
			smtp.stop();
		}
	}

	private static ConfigurableApplicationContext start(KafkaCluster cluster, String group, GreenMail smtp)
			throws IOException {
		return new SpringApplicationBuilder(NotifierApplication.class).registerShutdownHook(false)
			.run("--server.port=0", "--management.server.port=0", "--spring.main.banner-mode=off",
					"--spring.kafka.bootstrap-servers=" + cluster.bootstrapServers(),
					"--spring.kafka.client-id=" + Unique.name("notifier"), "--keepline.notifier.group-id=" + group,
					"--spring.kafka.streams.state-dir=" + Files.createTempDirectory("notifier-instance"),
					"--spring.mail.host=127.0.0.1", "--spring.mail.port=" + smtp.getSmtp().getPort(),
					"--keepline.links.secret=two-instances-link-secret-0123456789abcdef",
					// every holder has one line: each reminder waits the gather window
					// alone
					"--keepline.notifier.digest.gather-window=1s",
					"--keepline.notifier.webhook-secrets=orange=k1:whsec_two_instances_orange_secret_32_bytes");
	}

	private static boolean hasPartitions(ConfigurableApplicationContext notifier) {
		var container = notifier.getBean(KafkaListenerEndpointRegistry.class)
			.getListenerContainer("keepline-notifier-deadlines");
		return container != null && container.getAssignedPartitions() != null
				&& !container.getAssignedPartitions().isEmpty();
	}

	private static int readiness(ConfigurableApplicationContext notifier) throws Exception {
		String port = notifier.getEnvironment().getRequiredProperty("local.management.port");
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness")).build(),
					HttpResponse.BodyHandlers.discarding())
			.statusCode();
	}

	private static ReminderDue reminder(Msisdn msisdn) {
		return new ReminderDue(UUID.randomUUID(), Instant.now(), msisdn, OperatorId.of("orange"),
				LocalDate.now(ZoneOffset.UTC).plusDays(24), 7, Instant.now(), ReminderTrigger.SCHEDULED,
				Money.of(1500, "EUR"), null, null);
	}

	/** The address of the line's holder in its record: unique, as the number is. */
	private static String email(ReminderDue reminder) {
		return "camille" + reminder.msisdn().value().substring(1) + "@example.com";
	}

	private static long received(GreenMail smtp, String address) {
		return Arrays.stream(smtp.getReceivedMessages()).filter((message) -> isFor(message, address)).count();
	}

	private static boolean isFor(MimeMessage message, String address) {
		try {
			return Arrays.stream(message.getRecipients(Message.RecipientType.TO))
				.anyMatch((recipient) -> recipient.toString().equals(address));
		}
		catch (MessagingException ex) {
			return false;
		}
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
