package io.keepline.notifier;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.UUID;

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
import io.keepline.contracts.topic.Topics;
import io.keepline.notifier.delivery.LineLookup;
import io.keepline.testsupport.ClientThreads;
import io.keepline.testsupport.KafkaCluster;
import io.keepline.testsupport.RealKafka;
import io.keepline.testsupport.TopicProbe;
import io.keepline.testsupport.Unique;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The notifier started and closed on a real broker in a context of its own: what it
 * opened to write notification-events and to forward records to its retry topics is
 * closed with the context.
 */
@RealKafka
class NotifierLifecycleIntegrationTest {

	@Test
	void closesEveryProducerItOpenedWithItsContext(KafkaCluster cluster) throws Exception {
		String clientId = Unique.name("notifier-close");
		String group = Unique.name("notifier-close");
		Msisdn msisdn = Unique.msisdn();
		int silentPort = closedPort();
		cluster.createTopics(Topics.LINES, Topics.DEADLINE_EVENTS, Topics.NOTIFICATION_EVENTS);
		cluster.startGroupAtEnd(group, Topics.DEADLINE_EVENTS);
		ConfigurableApplicationContext notifier = new SpringApplicationBuilder(NotifierApplication.class)
			.registerShutdownHook(false)
			.run("--server.port=0", "--management.server.port=0", "--spring.main.banner-mode=off",
					"--spring.kafka.bootstrap-servers=" + cluster.bootstrapServers(),
					"--spring.kafka.client-id=" + clientId, "--keepline.notifier.group-id=" + group,
					"--spring.kafka.streams.state-dir=" + Files.createTempDirectory("notifier-lifecycle"),
					"--keepline.notifier.retry.initial-backoff=300ms", "--keepline.notifier.retry.attempts=2",
					"--keepline.links.secret=lifecycle-link-secret-0123456789abcdef",
					"--keepline.notifier.webhook-secrets=orange=k1:whsec_lifecycle_orange_secret_32_bytes",
					"--keepline.outbound.allowed-local-origins=http://127.0.0.1:" + silentPort);
		try (TopicProbe<Msisdn, NotificationEvent> outcomes = TopicProbe.of(cluster, Topics.NOTIFICATION_EVENTS);
				// two attempts: one retry topic, named without an index
				TopicProbe<String, String> retries = TopicProbe.raw(cluster, Topics.DEADLINE_EVENTS.name() + "-retry");
				SchedulerLines lines = new SchedulerLines(cluster, notifier.getBean(LineLookup.class));
				KafkaProducer<Msisdn, DeadlineEvent> scheduler = new KafkaProducer<>(cluster.producerProperties(),
						Topics.MSISDN.serializer(), Topics.DEADLINE_EVENTS.valueSerde().serializer())) {
			try {
				ReminderDue reminder = reminder(msisdn);
				lines.write(
						SchedulerLines.open(msisdn, reminder.validUntil(), holder(silentPort), reminder.occurredAt()));
				// nobody listens on the webhook: a transient failure, retried
				scheduler.send(new ProducerRecord<>(Topics.DEADLINE_EVENTS.name(), msisdn, reminder)).get();

				await("both producers in use").atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
					assertThat(outcomes.values(NotificationFailed.class))
						.filteredOn((failed) -> failed.msisdn().equals(msisdn))
						.isNotEmpty()
						.allSatisfy((failed) -> assertThat(failed.permanent()).isFalse());
					assertThat(retries.records()).anyMatch((record) -> msisdn.value().equals(record.key()));
				});
				assertThat(ClientThreads.producers(clientId)).hasSizeGreaterThanOrEqualTo(2);
			}
			finally {
				notifier.close();
			}
			assertThat(ClientThreads.producers(clientId)).as("producer threads after the context closed").isEmpty();
		}
	}

	private static Holder holder(int port) {
		return new Holder("Camille", null, null, URI.create("http://127.0.0.1:" + port + "/hook"), HolderLocale.EN,
				ZoneId.of("Europe/Brussels"));
	}

	private static ReminderDue reminder(Msisdn msisdn) {
		return new ReminderDue(UUID.randomUUID(), Instant.now(), msisdn, OperatorId.of("orange"),
				LocalDate.now(ZoneOffset.UTC).plusDays(24), 7, Instant.now(), ReminderTrigger.SCHEDULED,
				Money.of(1500, "EUR"), null, null);
	}

	private static int closedPort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
	}

}
