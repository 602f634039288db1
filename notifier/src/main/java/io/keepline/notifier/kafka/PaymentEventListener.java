package io.keepline.notifier.kafka;

import io.keepline.contracts.Msisdn;
import io.keepline.contracts.payment.PaymentEvent;
import io.keepline.contracts.payment.PaymentMethodCodeRequested;
import io.keepline.contracts.topic.KeyMismatchException;
import io.keepline.notifier.NotifierSettings;
import io.keepline.notifier.delivery.CodeNotices;
import io.keepline.notifier.delivery.PaymentNotices;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.handler.annotation.Header;
import org.springframework.stereotype.Component;

/**
 * Feeds payment-events to the notifier: one-time code requests to {@link CodeNotices},
 * refunds and failed checkouts to {@link PaymentNotices}; other events pass by. Its group
 * keeps the name it had when it read only code requests, so that deploying this reader
 * does not start a new group at the topic's beginning.
 */
@Component
public class PaymentEventListener {

	private final CodeNotices codes;

	private final PaymentNotices payments;

	private final NotifierSettings settings;

	PaymentEventListener(CodeNotices codes, PaymentNotices payments, NotifierSettings settings) {
		this.codes = codes;
		this.payments = payments;
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
		else {
			this.payments.handle(event);
		}
	}

	public String groupId() {
		return this.settings.groupId() + "-card-codes";
	}

}
