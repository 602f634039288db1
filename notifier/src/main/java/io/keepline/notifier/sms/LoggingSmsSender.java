package io.keepline.notifier.sms;

import java.util.concurrent.atomic.AtomicLong;

import io.keepline.notifier.message.SmsSegments;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SMS channel when no provider is configured: accepts every message and logs its
 * masked number and size, never its text (which holds a signed link).
 */
public final class LoggingSmsSender implements SmsSender {

	private static final Logger log = LoggerFactory.getLogger(LoggingSmsSender.class);

	private final AtomicLong sequence = new AtomicLong();

	@Override
	public String send(SmsMessage message) {
		String id = "logged-sms-" + this.sequence.incrementAndGet();
		log.info("SMS to {} logged, not sent ({} segment(s)): {}", message.to(), SmsSegments.count(message.text()), id);
		return id;
	}

}
