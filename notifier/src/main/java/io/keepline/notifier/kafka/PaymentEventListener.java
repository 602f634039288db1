package io.keepline.notifier.kafka;

import io.keepline.contracts.Msisdn;
import io.keepline.contracts.UnhandledTypeException;
import io.keepline.contracts.payment.PaymentEvent;
import io.keepline.contracts.payment.PaymentFailed;
import io.keepline.contracts.payment.PaymentMethodCodeRequested;
import io.keepline.contracts.payment.PaymentMethodCodeTried;
import io.keepline.contracts.payment.PaymentMethodSaved;
import io.keepline.contracts.payment.PaymentRefunded;
import io.keepline.contracts.payment.PaymentSucceeded;
import io.keepline.contracts.topic.KeyMismatchException;
import io.keepline.notifier.NotifierSettings;
import io.keepline.notifier.delivery.CodeNotices;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.handler.annotation.Header;
import org.springframework.stereotype.Component;

/**
 * Feeds the one-time code requests on payment-events to {@link CodeNotices}, in a group
 * of its own; payment outcomes reach holders through the scheduler's deadline events, so
 * they pass by.
 */
@Component
public class PaymentEventListener {

	private final CodeNotices codes;

	private final NotifierSettings settings;

	PaymentEventListener(CodeNotices codes, NotifierSettings settings) {
		this.codes = codes;
		this.settings = settings;
	}

	@KafkaListener(id = "keepline-notifier-card-codes",
			topics = "#{T(io.keepline.contracts.topic.Topics).PAYMENT_EVENTS.name()}",
			groupId = "#{__listener.groupId()}", containerFactory = "paymentEventsListenerFactory")
	void on(PaymentEvent event, @Header(name = KafkaHeaders.RECEIVED_KEY, required = false) Msisdn key) {
		KeyMismatchException.check(key, event.msisdn());
		if (event instanceof PaymentMethodCodeRequested request) {
			this.codes.handle(request);
		}
		else if (!(event instanceof PaymentSucceeded || event instanceof PaymentFailed
				|| event instanceof PaymentRefunded || event instanceof PaymentMethodSaved
				|| event instanceof PaymentMethodCodeTried)) {
			throw new UnhandledTypeException(event);
		}
	}

	public String groupId() {
		return this.settings.groupId() + "-card-codes";
	}

}
