package io.keepline.notifier;

import io.keepline.notifier.email.EmailSender;
import io.keepline.notifier.email.LoggingEmailSender;
import io.keepline.notifier.sms.LoggingSmsSender;
import io.keepline.notifier.sms.SmsSender;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Says once, at start-up, where the notifier listens and how it delivers.
 */
@Component
class StartupReport {

	private static final Logger log = LoggerFactory.getLogger(StartupReport.class);

	private final Environment environment;

	private final NotifierProperties settings;

	private final EmailSender email;

	private final SmsSender sms;

	StartupReport(Environment environment, NotifierProperties settings, EmailSender email, SmsSender sms) {
		this.environment = environment;
		this.settings = settings;
		this.email = email;
		this.sms = sms;
	}

	@EventListener(ApplicationReadyEvent.class)
	void report() {
		String mail = (this.email instanceof LoggingEmailSender) ? "logged (no spring.mail.host)"
				: "SMTP " + this.environment.getProperty("spring.mail.host") + ":"
						+ this.environment.getProperty("spring.mail.port", "25");
		String text = (this.sms instanceof LoggingSmsSender) ? "logged" : this.settings.sms().provider();
		log.info("Keepline notifier ready on port {}: Kafka {}, group {}, email {}, SMS {}, webhooks signed",
				this.environment.getProperty("local.server.port", this.environment.getProperty("server.port")),
				this.environment.getProperty("spring.kafka.bootstrap-servers"), this.settings.groupId(), mail, text);
	}

}
