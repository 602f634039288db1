package io.keepline.payments.erasure;

import io.keepline.contracts.Msisdn;
import io.keepline.contracts.line.LineErased;
import io.keepline.contracts.line.LineEvent;
import io.keepline.contracts.topic.KeyMismatchException;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.handler.annotation.Header;
import org.springframework.stereotype.Component;

/**
 * Reads line-events for erasures ({@link LineErased}; the other events ask nothing of
 * payments) and hands each to {@link LineErasure}; a failure is retried by the
 * container's error handler ({@link ErasureConfiguration}).
 */
@Component
class ErasureListener {

	private final LineErasure erasure;

	ErasureListener(LineErasure erasure) {
		this.erasure = erasure;
	}

	@KafkaListener(id = "payments-erasures", topics = "#{T(io.keepline.contracts.topic.Topics).LINE_EVENTS.name()}",
			groupId = "${keepline.payments.group-id:keepline-payments}-erasures",
			containerFactory = "erasureListenerFactory")
	void on(LineEvent event, @Header(name = KafkaHeaders.RECEIVED_KEY, required = false) Msisdn key) {
		if (event instanceof LineErased erased) {
			KeyMismatchException.check(key, erased.msisdn());
			this.erasure.erase(erased.msisdn());
		}
	}

}
