package io.keepline.notifier.webhook;

/**
 * POSTs a signed notification to a holder's webhook. Returns an id of the delivery once
 * the receiver answered 2xx; throws a {@code PermanentDeliveryException} or
 * {@code TransientDeliveryException} otherwise.
 */
@FunctionalInterface
public interface WebhookSender {

	String send(WebhookMessage message);

}
