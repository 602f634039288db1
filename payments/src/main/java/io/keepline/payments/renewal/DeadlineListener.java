package io.keepline.payments.renewal;

import io.keepline.contracts.Msisdn;
import io.keepline.contracts.deadline.DeadlineEvent;
import io.keepline.contracts.topic.KeyMismatchException;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.handler.annotation.Header;
import org.springframework.stereotype.Component;

/**
 * Feeds deadline-events to {@link DeadlineActions}; failures are retried and then dead
 * lettered by the container's error handler. Started by {@link DeadlineGate} once the
 * line stores run, not with the context.
 */
@Component
class DeadlineListener {

	static final String ID = "payments-deadlines";

	private final DeadlineActions actions;

	DeadlineListener(DeadlineActions actions) {
		this.actions = actions;
	}

	@KafkaListener(id = ID, autoStartup = "false",
			topics = "#{T(io.keepline.contracts.topic.Topics).DEADLINE_EVENTS.name()}",
			groupId = "${keepline.payments.group-id:keepline-payments}", containerFactory = "deadlineListenerFactory")
	void on(DeadlineEvent event, @Header(name = KafkaHeaders.RECEIVED_KEY, required = false) Msisdn key) {
		KeyMismatchException.check(key, event.msisdn());
		this.actions.on(event);
	}

}
