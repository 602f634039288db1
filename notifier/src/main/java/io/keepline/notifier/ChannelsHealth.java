package io.keepline.notifier;

import io.keepline.notifier.email.DisabledEmailSender;
import io.keepline.notifier.email.EmailSender;
import io.keepline.notifier.sms.DisabledSmsSender;
import io.keepline.notifier.sms.SmsSender;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Health {@code channels}: which channels can send and which are disabled for want of a
 * provider. Always UP (a disabled channel is configuration, not a fault: its messages
 * fall back to the next channel); the details say what a holder can be reached on.
 */
@Component("channels")
class ChannelsHealth implements HealthIndicator {

	private final EmailSender email;

	private final SmsSender sms;

	ChannelsHealth(EmailSender email, SmsSender sms) {
		this.email = email;
		this.sms = sms;
	}

	@Override
	public Health health() {
		return Health.up()
			.withDetail("email",
					(this.email instanceof DisabledEmailSender) ? "disabled: no SMTP host (spring.mail.host)"
							: "enabled")
			.withDetail("sms",
					(this.sms instanceof DisabledSmsSender)
							? "disabled: no SMS provider (keepline.notifier.sms.provider)" : "enabled")
			.withDetail("webhook", "enabled")
			.build();
	}

}
