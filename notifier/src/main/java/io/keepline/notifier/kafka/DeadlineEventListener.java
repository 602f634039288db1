package io.keepline.notifier.kafka;

import io.keepline.contracts.Msisdn;
import io.keepline.contracts.deadline.DeadlineEvent;
import io.keepline.contracts.topic.KeyMismatchException;
import io.keepline.notifier.NotifierSettings;
import io.keepline.notifier.delivery.Notifier;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.handler.annotation.Header;
import org.springframework.stereotype.Component;

/**
 * Feeds deadline events to the {@link Notifier}. Transient failures go to the retry
 * topics (see {@link NotifierKafkaConfiguration}); unreadable records and records not
 * keyed by their event's msisdn to the dead-letter topic.
 */
@Component
public class DeadlineEventListener {

	private final Notifier notifier;

	private final NotifierSettings settings;

	DeadlineEventListener(Notifier notifier, NotifierSettings settings) {
		this.notifier = notifier;
		this.settings = settings;
	}

	@KafkaListener(id = "keepline-notifier-deadlines",
			topics = "#{T(io.keepline.contracts.topic.Topics).DEADLINE_EVENTS.name()}",
			groupId = "#{__listener.groupId()}")
	void on(DeadlineEvent event, @Header(name = KafkaHeaders.RECEIVED_KEY, required = false) Msisdn key) {
		KeyMismatchException.check(key, event.msisdn());
		this.notifier.handle(event);
	}

	public String groupId() {
		return this.settings.groupId();
	}

}
