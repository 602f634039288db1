package io.keepline.notifier.email;

import io.keepline.notifier.delivery.PermanentDeliveryException;

/**
 * The email channel when no SMTP server is configured ({@code spring.mail.host} unset):
 * it sends nothing and says so, a permanent failure ({@code email_disabled}) that makes
 * the notifier fall back to the holder's next channel.
 */
public final class DisabledEmailSender implements EmailSender {

	@Override
	public String send(EmailMessage message) {
		throw new PermanentDeliveryException("email_disabled", "no SMTP server is configured (spring.mail.host)");
	}

}
