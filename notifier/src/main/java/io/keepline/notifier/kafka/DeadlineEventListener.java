package io.keepline.notifier.kafka;

import java.util.Optional;

import io.keepline.contracts.Msisdn;
import io.keepline.contracts.deadline.DeadlineEvent;
import io.keepline.contracts.linerecord.LineRecord;
import io.keepline.contracts.topic.KeyMismatchException;
import io.keepline.notifier.NotifierSettings;
import io.keepline.notifier.delivery.Notifier;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.support.Acknowledgment;
import org.springframework.stereotype.Component;

/**
 * Feeds deadline events to the {@link Notifier} on pools of {@link Deliveries}, off the
 * listener thread: the webhook pool when the holder may be reached by webhook, else the
 * email and SMS pool, one line at a time; the line's record is read once, when the record
 * arrives. A pay reminder that may join others of its holder in one email goes to the
 * holder-reminders topic instead ({@link HolderReminders}). Each record is committed in
 * order ({@link InOrderAcks}) once its outcomes are published. Transient failures go to
 * the retry topics (see {@link NotifierKafkaConfiguration}); unreadable records and
 * records not keyed by their event's msisdn to the dead-letter topic.
 */
@Component
public class DeadlineEventListener {

	private final Notifier notifier;

	private final NotifierSettings settings;

	private final InOrderAcks acks;

	private final Deliveries webhooks;

	private final Deliveries messages;

	private final HolderReminders holders;

	DeadlineEventListener(Notifier notifier, NotifierSettings settings, InOrderAcks acks, Deliveries webhookDeliveries,
			Deliveries messageDeliveries, HolderReminders holderReminders) {
		this.holders = holderReminders;
		this.notifier = notifier;
		this.settings = settings;
		this.acks = acks;
		this.webhooks = webhookDeliveries;
		this.messages = messageDeliveries;
	}

	@KafkaListener(id = "keepline-notifier-deadlines",
			topics = "#{T(io.keepline.contracts.topic.Topics).DEADLINE_EVENTS.name()}",
			groupId = "#{__listener.groupId()}")
	void on(ConsumerRecord<Msisdn, DeadlineEvent> record, Acknowledgment ack) {
		InOrderAcks.Entry entry = this.acks.begin(record, ack);
		DeadlineEvent event = record.value();
		KeyMismatchException.check(record.key(), event.msisdn());
		Optional<LineRecord> line = this.notifier.lineOf(event);
		if (this.holders.gathers(event, line)) {
			this.holders.forward(event, line.get());
			this.acks.done(entry);
			return;
		}
		Runnable delivery = () -> this.notifier.handle(event, line);
		if (this.notifier.mayCallWebhook(event, line)) {
			this.webhooks.submit(record, entry, event.operator().value(), delivery);
		}
		else {
			this.messages.submit(record, entry, event.msisdn().value(), delivery);
		}
	}

	public String groupId() {
		return this.settings.groupId();
	}

}
