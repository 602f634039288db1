package io.keepline.notifier.kafka;

import io.keepline.contracts.Msisdn;
import io.keepline.contracts.deadline.DeadlineEvent;
import io.keepline.contracts.topic.KeyMismatchException;
import io.keepline.notifier.NotifierSettings;
import io.keepline.notifier.delivery.Notifier;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.support.Acknowledgment;
import org.springframework.stereotype.Component;

/**
 * Feeds deadline events to the {@link Notifier}: on the listener thread, unless the
 * holder may be reached by webhook, then on the {@link WebhookDeliveries} pool. Each
 * record is committed in order ({@link InOrderAcks}) once its outcomes are published.
 * Transient failures go to the retry topics (see {@link NotifierKafkaConfiguration});
 * unreadable records and records not keyed by their event's msisdn to the dead-letter
 * topic.
 */
@Component
public class DeadlineEventListener {

	private final Notifier notifier;

	private final NotifierSettings settings;

	private final InOrderAcks acks;

	private final WebhookDeliveries webhooks;

	private final KafkaNotificationRecorder recorder;

	DeadlineEventListener(Notifier notifier, NotifierSettings settings, InOrderAcks acks, WebhookDeliveries webhooks,
			KafkaNotificationRecorder recorder) {
		this.notifier = notifier;
		this.settings = settings;
		this.acks = acks;
		this.webhooks = webhooks;
		this.recorder = recorder;
	}

	@KafkaListener(id = "keepline-notifier-deadlines",
			topics = "#{T(io.keepline.contracts.topic.Topics).DEADLINE_EVENTS.name()}",
			groupId = "#{__listener.groupId()}")
	void on(ConsumerRecord<Msisdn, DeadlineEvent> record, Acknowledgment ack) {
		InOrderAcks.Entry entry = this.acks.begin(record, ack);
		DeadlineEvent event = record.value();
		KeyMismatchException.check(record.key(), event.msisdn());
		if (this.notifier.mayCallWebhook(event)) {
			this.webhooks.submit(record, entry, event.operator().value(), () -> this.notifier.handle(event));
			return;
		}
		this.notifier.handle(event);
		this.recorder.whenFlushed(() -> this.acks.done(entry));
	}

	public String groupId() {
		return this.settings.groupId();
	}

}
