package io.keepline.notifier.email;

import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The email channel when no SMTP server is configured ({@code spring.mail.host} unset):
 * accepts every message and logs that it did, without address or content. The standalone
 * replaces it with its outbox.
 */
public final class LoggingEmailSender implements EmailSender {

	private static final Logger log = LoggerFactory.getLogger(LoggingEmailSender.class);

	private final AtomicLong sequence = new AtomicLong();

	@Override
	public String send(EmailMessage message) {
		String id = "logged-email-" + this.sequence.incrementAndGet();
		log.info("No SMTP server configured: email {} logged, not sent", id);
		return id;
	}

}
