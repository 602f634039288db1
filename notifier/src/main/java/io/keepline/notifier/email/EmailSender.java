package io.keepline.notifier.email;

/**
 * Hands an email to a provider. Returns the provider's message id once it accepted the
 * message; throws a {@code PermanentDeliveryException} or
 * {@code TransientDeliveryException} otherwise.
 */
@FunctionalInterface
public interface EmailSender {

	String send(EmailMessage message);

}
