package io.keepline.notifier;

import java.util.Map;

import io.keepline.notifier.email.EmailSender;
import io.keepline.notifier.email.DisabledEmailSender;
import io.keepline.notifier.sms.DisabledSmsSender;
import io.keepline.notifier.sms.SmsSender;
import io.keepline.support.startup.StartupFacts;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * What the notifier says about itself once ready: the consumer group reading deadline
 * events, where emails and SMS go (or that the channel is disabled for want of a
 * provider), and that webhooks are signed.
 */
@Component
class NotifierFacts implements StartupFacts {

	private final Environment environment;

	private final NotifierSettings settings;

	private final EmailSender email;

	private final SmsSender sms;

	NotifierFacts(Environment environment, NotifierSettings settings, EmailSender email, SmsSender sms) {
		this.environment = environment;
		this.settings = settings;
		this.email = email;
		this.sms = sms;
	}

	@Override
	public void describe(Map<String, Object> facts) {
		facts.put("group", this.settings.groupId());
		facts.put("email",
				(this.email instanceof DisabledEmailSender) ? "disabled (no spring.mail.host)"
						: "SMTP " + this.environment.getProperty("spring.mail.host") + ":"
								+ this.environment.getProperty("spring.mail.port", "25"));
		facts.put("SMS", (this.sms instanceof DisabledSmsSender) ? "disabled (no SMS provider)"
				: this.settings.sms().provider());
		facts.put("webhooks", "signed");
	}

}
