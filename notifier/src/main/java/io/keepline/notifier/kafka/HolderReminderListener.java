package io.keepline.notifier.kafka;

import io.keepline.contracts.deadline.DeadlineEvent;
import io.keepline.notifier.NotifierSettings;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.support.Acknowledgment;
import org.springframework.stereotype.Component;

/**
 * Reads holder-reminders (each holder's pay reminders, keyed by the pseudonym of their
 * address) into {@link HolderGathering}, in a consumer group of its own.
 */
@Component
class HolderReminderListener {

	private final HolderGathering gathering;

	private final NotifierSettings settings;

	HolderReminderListener(HolderGathering gathering, NotifierSettings settings) {
		this.gathering = gathering;
		this.settings = settings;
	}

	@KafkaListener(id = "keepline-notifier-holder-reminders",
			topics = "#{T(io.keepline.contracts.topic.Topics).HOLDER_REMINDERS.name()}",
			groupId = "#{__listener.groupId()}", containerFactory = "holderRemindersListenerFactory")
	void on(ConsumerRecord<String, DeadlineEvent> record, Acknowledgment ack) {
		this.gathering.add(record, ack);
	}

	public String groupId() {
		return this.settings.groupId() + "-holders";
	}

}
