package io.keepline.notifier;

import java.net.http.HttpClient;
import java.time.Clock;

import io.keepline.notifier.email.EmailSender;
import io.keepline.notifier.email.LoggingEmailSender;
import io.keepline.notifier.email.SmtpEmailSender;
import io.keepline.notifier.sms.LoggingSmsSender;
import io.keepline.notifier.sms.SmsSender;
import io.keepline.notifier.sms.TwilioSmsSender;
import io.keepline.notifier.webhook.HttpWebhookSender;
import io.keepline.notifier.webhook.WebhookSender;
import io.keepline.notifier.webhook.WebhookSignature;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * The channel adapters: SMTP when {@code spring.mail.host} is set (else a logging
 * adapter), the configured SMS provider, and signed HTTP webhooks. Each is replaceable by
 * a bean of the same interface.
 */
@Configuration(proxyBeanMethods = false)
class ChannelConfiguration {

	@Bean
	@ConditionalOnMissingBean
	EmailSender emailSender(ObjectProvider<JavaMailSenderImpl> mail, NotifierSettings settings) {
		JavaMailSenderImpl smtp = mail.getIfAvailable();
		return (smtp != null) ? new SmtpEmailSender(smtp, settings.mailFrom(), settings.smtpConnections())
				: new LoggingEmailSender();
	}

	@Bean
	@ConditionalOnMissingBean
	SmsSender smsSender(NotifierSettings settings, HttpClient notifierHttpClient) {
		NotifierSettings.Sms sms = settings.sms();
		return switch (sms.provider()) {
			case "log" -> new LoggingSmsSender();
			case "twilio" -> {
				if (isBlank(sms.accountSid()) || isBlank(sms.authToken()) || isBlank(sms.from())) {
					throw new IllegalStateException(
							"keepline.notifier.sms.provider=twilio needs account-sid, auth-token and from");
				}
				yield new TwilioSmsSender(notifierHttpClient, sms.baseUrl(), sms.accountSid(), sms.authToken(),
						sms.from(), settings.httpTimeout());
			}
			default -> throw new IllegalStateException(
					"keepline.notifier.sms.provider must be 'log' or 'twilio', not '" + sms.provider() + "'");
		};
	}

	@Bean
	@ConditionalOnMissingBean
	WebhookSender webhookSender(NotifierSettings settings, HttpClient notifierHttpClient, Clock clock) {
		return new HttpWebhookSender(notifierHttpClient, new WebhookSignature(settings.webhookSecret()),
				settings.httpTimeout(), clock);
	}

	@Bean
	HttpClient notifierHttpClient(NotifierSettings settings) {
		return HttpClient.newBuilder()
			.connectTimeout(settings.httpTimeout())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
	}

	private static boolean isBlank(String value) {
		return value == null || value.isBlank();
	}

}
