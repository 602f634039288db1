package io.keepline.payments.renewal;

import io.keepline.contracts.Msisdn;
import io.keepline.contracts.deadline.DeadlineEvent;
import io.keepline.contracts.topic.KeyMismatchException;
import io.keepline.contracts.topic.Topics;
import org.apache.kafka.common.TopicPartition;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.support.Acknowledgment;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.handler.annotation.Header;
import org.springframework.messaging.handler.annotation.Payload;
import org.springframework.stereotype.Component;

/**
 * Feeds deadline-events to {@link UnsettledActions}; a record is acknowledged unless its
 * partition holds a charge or refund that Stripe has not settled yet. Other failures are
 * retried and then dead lettered by the container's error handler. Started by
 * {@link DeadlineGate} once the line stores run, not with the context.
 */
@Component
class DeadlineListener {

	static final String ID = "payments-deadlines";

	private final UnsettledActions actions;

	DeadlineListener(UnsettledActions actions) {
		this.actions = actions;
	}

	@KafkaListener(id = ID, autoStartup = "false",
			topics = "#{T(io.keepline.contracts.topic.Topics).DEADLINE_EVENTS.name()}",
			groupId = "${keepline.payments.group-id:keepline-payments}", containerFactory = "deadlineListenerFactory")
	void on(@Payload DeadlineEvent event, @Header(name = KafkaHeaders.RECEIVED_KEY, required = false) Msisdn key,
			@Header(KafkaHeaders.RECEIVED_PARTITION) int partition, Acknowledgment ack) {
		KeyMismatchException.check(key, event.msisdn());
		TopicPartition from = new TopicPartition(Topics.DEADLINE_EVENTS.name(), partition);
		this.actions.on(event, from);
		if (!this.actions.holds(from)) {
			ack.acknowledge();
		}
	}

	/**
	 * A dead letter an operator replays: acted on like a record, with no offset to hold.
	 */
	void replay(DeadlineEvent event, Msisdn key) {
		KeyMismatchException.check(key, event.msisdn());
		this.actions.on(event, null);
	}

}
