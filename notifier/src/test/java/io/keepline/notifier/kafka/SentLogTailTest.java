package io.keepline.notifier.kafka;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import io.keepline.contracts.Channel;
import io.keepline.contracts.HolderLocale;
import io.keepline.contracts.Msisdn;
import io.keepline.contracts.notification.NotificationEvent;
import io.keepline.contracts.notification.NotificationFailed;
import io.keepline.contracts.notification.NotificationSent;
import io.keepline.contracts.topic.Topics;
import io.keepline.notifier.delivery.SentLog;
import io.keepline.testsupport.KafkaCluster;
import io.keepline.testsupport.RealKafka;
import io.keepline.testsupport.Unique;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@RealKafka
class SentLogTailTest {

	@Test
	void rebuildsTheSentLogFromNotificationEventsAtStartAndFollowsIt(KafkaCluster cluster) throws Exception {
		cluster.createTopics(Topics.NOTIFICATION_EVENTS);
		Msisdn msisdn = Unique.msisdn();
		String sentId = msisdn.value() + ":2026-12-31:reminder-firm-7:email";
		String failedId = msisdn.value() + ":2026-12-31:reminder-firm-7:sms";
		try (KafkaProducer<Msisdn, NotificationEvent> producer = new KafkaProducer<>(cluster.producerProperties(),
				Topics.MSISDN.serializer(), Topics.NOTIFICATION_EVENTS.valueSerde().serializer())) {
			producer.send(record(sent(msisdn, sentId))).get();
			producer.send(record(failed(msisdn, failedId))).get();

			SentLog sentLog = new SentLog();
			Map<String, Object> properties = new HashMap<>(cluster.consumerProperties("unused"));
			properties.remove("group.id");
			SentLogTail tail = new SentLogTail(properties, sentLog, Duration.ofSeconds(30));
			tail.start();
			try {
				assertThat(sentLog.wasSent(sentId)).isTrue();
				assertThat(sentLog.failedPermanently(failedId)).isTrue();
				String later = msisdn.value() + ":2026-12-31:reminder-urgent-1:email";
				producer.send(record(sent(msisdn, later))).get();
				await().atMost(Duration.ofSeconds(30)).until(() -> sentLog.wasSent(later));
			}
			finally {
				tail.stop();
			}
		}
	}

	@Test
	void readsOnlyTheRetainedDaysAndRestartsWhereItsStoreStopped(KafkaCluster cluster) throws Exception {
		cluster.createTopics(Topics.NOTIFICATION_EVENTS);
		Msisdn msisdn = Unique.msisdn();
		String old = msisdn.value() + ":2026-10-31:reminder-firm-7:email";
		String recent = msisdn.value() + ":2026-12-31:reminder-firm-7:email";
		String afterRestart = msisdn.value() + ":2026-12-31:reminder-urgent-1:email";
		Map<String, Object> properties = new HashMap<>(cluster.consumerProperties("unused"));
		properties.remove("group.id");
		try (KafkaProducer<Msisdn, NotificationEvent> producer = new KafkaProducer<>(cluster.producerProperties(),
				Topics.MSISDN.serializer(), Topics.NOTIFICATION_EVENTS.valueSerde().serializer())) {
			long monthAgo = Instant.now().minus(Duration.ofDays(30)).toEpochMilli();
			producer
				.send(new ProducerRecord<>(Topics.NOTIFICATION_EVENTS.name(), null, monthAgo, msisdn,
						sent(msisdn, old)))
				.get();
			producer.send(record(sent(msisdn, recent))).get();

			SentLog sentLog = new SentLog();
			SentLogTail tail = new SentLogTail(properties, sentLog, Duration.ofSeconds(30), Duration.ofDays(8));
			tail.start();
			tail.stop();
			assertThat(sentLog.wasSent(recent)).isTrue();
			assertThat(sentLog.wasSent(old)).as("sent before the retained days").isFalse();
			assertThat(sentLog.store().positions()).isNotEmpty();

			producer.send(record(sent(msisdn, afterRestart))).get();
			SentLog restarted = new SentLog();
			restarted.store().advance(sentLog.store().positions());
			SentLogTail again = new SentLogTail(properties, restarted, Duration.ofSeconds(30), Duration.ofDays(8));
			again.start();
			again.stop();
			assertThat(restarted.wasSent(afterRestart)).isTrue();
			assertThat(restarted.wasSent(recent)).as("read before the restart, not again").isFalse();
		}
	}

	private static ProducerRecord<Msisdn, NotificationEvent> record(NotificationEvent event) {
		return new ProducerRecord<>(Topics.NOTIFICATION_EVENTS.name(), event.msisdn(), event);
	}

	private static NotificationSent sent(Msisdn msisdn, String id) {
		return new NotificationSent(UUID.randomUUID(), Instant.now(), msisdn, id, UUID.randomUUID(), Channel.EMAIL,
				"reminder-firm", HolderLocale.EN, "<x@y>");
	}

	private static NotificationFailed failed(Msisdn msisdn, String id) {
		return new NotificationFailed(UUID.randomUUID(), Instant.now(), msisdn, id, UUID.randomUUID(), Channel.SMS,
				"reminder-firm", HolderLocale.EN, true, "sms_http_400_21211");
	}

}
