package io.keepline.reliability.outbound;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.keepline.contracts.Holder;
import io.keepline.contracts.HolderLocale;
import io.keepline.contracts.Money;
import io.keepline.contracts.Msisdn;
import io.keepline.contracts.OperatorId;
import io.keepline.contracts.deadline.DeadlineEvent;
import io.keepline.contracts.deadline.ReminderDue;
import io.keepline.contracts.deadline.ReminderTrigger;
import io.keepline.contracts.linerecord.LineRecord;
import io.keepline.contracts.topic.Topics;
import io.keepline.contracts.webhook.WebhookSignature;
import io.keepline.notifier.delivery.LineLookup;
import io.keepline.reliability.LineRecords;
import io.keepline.reliability.ReliabilityReport;
import io.keepline.reliability.ServiceRun;
import io.keepline.testsupport.KafkaCluster;
import io.keepline.testsupport.RealKafka;
import io.keepline.testsupport.Unique;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue #18: an operator's webhook key rotated with two keys active. Every delivery names
 * the new key first and verifies with it; a receiver that still holds only the old key
 * verifies it too; another operator's key verifies none of them.
 */
@RealKafka
class WebhookKeyRotationTest {

	private static final String OLD = "reliability-orange-old-webhook-key-0001";

	private static final String NEW = "reliability-orange-new-webhook-key-0002";

	private static final int DELIVERIES = 10;

	@Test
	void signsWithTheNewKeyWhileTheOldStillVerifies(KafkaCluster cluster) throws Exception {
		cluster.createTopics(Topics.DEADLINE_EVENTS, Topics.NOTIFICATION_EVENTS, Topics.LINES);
		WireMockServer receiver = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
		receiver.start();
		receiver.stubFor(post(urlPathMatching("/hooks/.*")).willReturn(aResponse().withStatus(204)));
		String group = Unique.name("notifier-rotation");
		cluster.startGroupAtEnd(group, Topics.DEADLINE_EVENTS);
		URI origin = URI.create("http://127.0.0.1:" + receiver.port());
		try (ServiceRun notifier = ServiceRun.notifier(cluster.bootstrapServers(), "127.0.0.1", 1,
				Map.of("keepline.notifier.group-id", group, "keepline.notifier.webhook-secrets",
						"orange=o1:" + OLD + ";o2:" + NEW + ",proximus=p1:" + ServiceRun.HOLDER_WEBHOOK_SECRET,
						"keepline.outbound.allowed-local-origins", origin.toString()));
				KafkaProducer<Msisdn, DeadlineEvent> scheduler = new KafkaProducer<>(cluster.producerProperties(),
						Topics.MSISDN.serializer(), Topics.DEADLINE_EVENTS.valueSerde().serializer());
				LineRecords lines = new LineRecords(cluster)) {
			String run = Unique.name("r");
			List<ReminderDue> reminders = new ArrayList<>();
			List<LineRecord> records = new ArrayList<>();
			for (int i = 0; i < DELIVERIES; i++) {
				Holder holder = new Holder("Ana", null, null, URI.create(origin + "/hooks/" + run + "-" + i),
						HolderLocale.EN, ZoneId.of("Europe/Brussels"));
				ReminderDue reminder = new ReminderDue(UUID.randomUUID(), Instant.now(), Unique.msisdn(),
						OperatorId.of("orange"), LocalDate.now().plusDays(7), 7, Instant.now(),
						ReminderTrigger.SCHEDULED, Money.of(1500, "EUR"), null, null);
				reminders.add(reminder);
				records.add(LineRecords.openFor(reminder, holder));
			}
			lines.write(records, notifier.bean(LineLookup.class)::find);
			for (ReminderDue reminder : reminders) {
				scheduler.send(new ProducerRecord<>(Topics.DEADLINE_EVENTS.name(), reminder.msisdn(), reminder)).get();
			}
			await("every webhook delivered").atMost(Duration.ofSeconds(90))
				.until(() -> receiver.findAll(postRequestedFor(urlPathMatching("/hooks/" + run + "-.*"))).size(),
						(n) -> n >= DELIVERIES);
		}
		List<LoggedRequest> deliveries = receiver.findAll(postRequestedFor(urlPathMatching("/hooks/.*")));
		receiver.stop();
		WebhookSignature newKey = WebhookSignature.of("o2", NEW);
		WebhookSignature oldKey = WebhookSignature.of("o1", OLD);
		WebhookSignature otherOperator = WebhookSignature.of("p1", ServiceRun.HOLDER_WEBHOOK_SECRET);
		Duration tolerance = Duration.ofMinutes(5);
		int newVerified = 0;
		int oldVerified = 0;
		int forged = 0;
		for (LoggedRequest delivery : deliveries) {
			String header = delivery.getHeader(WebhookSignature.HEADER);
			assertThat(header).matches("t=\\d+,v1=o2:[0-9a-f]{64},v1=o1:[0-9a-f]{64}");
			newVerified += newKey.verify(header, delivery.getBody(), Instant.now(), tolerance) ? 1 : 0;
			oldVerified += oldKey.verify(header, delivery.getBody(), Instant.now(), tolerance) ? 1 : 0;
			forged += otherOperator.verify(header, delivery.getBody(), Instant.now(), tolerance) ? 1 : 0;
		}
		assertThat(deliveries).hasSizeGreaterThanOrEqualTo(DELIVERIES);
		assertThat(newVerified).as("verified with the new key").isEqualTo(deliveries.size());
		assertThat(oldVerified).as("verified with the old key during the overlap").isEqualTo(deliveries.size());
		assertThat(forged).as("verified with another operator's key").isZero();
		ReliabilityReport.of("webhook-key-rotation")
			.count("deliveries", deliveries.size())
			.count("verified-new-key", newVerified)
			.count("verified-old-key", oldVerified)
			.count("verified-other-operator-key", forged)
			.write();
	}

}
