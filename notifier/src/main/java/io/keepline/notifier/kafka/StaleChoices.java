package io.keepline.notifier.kafka;

import java.util.Objects;

import io.keepline.contracts.Msisdn;
import io.keepline.contracts.linerecord.LineRecord;
import io.keepline.notifier.NotifierSettings;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Forgets a holder's choices (a tombstone on keepline.holder-choices.v1) once their line
 * is erased or the number is registered again: the choices held no contact, but a
 * recycled number's new holder inherits nothing, and an erased line leaves no trace.
 */
@Component
class StaleChoices {

	private final KafkaHolders holders;

	private final NotifierSettings settings;

	StaleChoices(KafkaHolders holders, NotifierSettings settings) {
		this.holders = holders;
		this.settings = settings;
	}

	public String groupId() {
		return this.settings.groupId() + "-holder-choices";
	}

	@KafkaListener(id = "keepline-notifier-holder-choices",
			topics = "#{T(io.keepline.contracts.topic.Topics).LINES.name()}", groupId = "#{__listener.groupId()}",
			containerFactory = "lineRecordsListenerFactory")
	void on(ConsumerRecord<Msisdn, LineRecord> record) {
		Msisdn msisdn = record.key();
		LineRecord line = record.value();
		this.holders.choices(msisdn)
			.filter((choices) -> line == null || !Objects.equals(line.registeredAt(), choices.registeredAt()))
			.ifPresent((stale) -> this.holders.forget(msisdn));
	}

}
