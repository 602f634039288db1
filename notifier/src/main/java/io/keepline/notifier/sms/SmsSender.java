package io.keepline.notifier.sms;

/**
 * Hands an SMS to a provider. Returns the provider's message id once it accepted the
 * message; throws a {@code PermanentDeliveryException} or
 * {@code TransientDeliveryException} otherwise.
 */
@FunctionalInterface
public interface SmsSender {

	String send(SmsMessage message);

}
