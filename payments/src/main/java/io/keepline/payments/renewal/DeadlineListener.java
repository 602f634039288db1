package io.keepline.payments.renewal;

import io.keepline.contracts.deadline.DeadlineEvent;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Feeds deadline-events to {@link DeadlineActions}; failures are retried and then dead
 * lettered by the container's error handler.
 */
@Component
class DeadlineListener {

	private final DeadlineActions actions;

	DeadlineListener(DeadlineActions actions) {
		this.actions = actions;
	}

	@KafkaListener(id = "payments-deadlines",
			topics = "#{T(io.keepline.contracts.topic.Topics).DEADLINE_EVENTS.name()}",
			groupId = "${keepline.payments.group-id:keepline-payments}", containerFactory = "deadlineListenerFactory")
	void on(DeadlineEvent event) {
		this.actions.on(event);
	}

}
