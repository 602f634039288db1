package io.keepline.notifier;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;

import io.keepline.contracts.webhook.WebhookKeys;
import io.keepline.notifier.email.EmailSender;
import io.keepline.notifier.email.DisabledEmailSender;
import io.keepline.notifier.email.SmtpEmailSender;
import io.keepline.notifier.sms.DisabledSmsSender;
import io.keepline.notifier.sms.SmsSender;
import io.keepline.notifier.sms.TwilioSmsSender;
import io.keepline.notifier.webhook.HttpWebhookSender;
import io.keepline.notifier.webhook.WebhookSender;
import io.keepline.support.outbound.ConcurrencyLimits;
import io.keepline.support.outbound.OutboundClient;
import io.keepline.support.outbound.OutboundClients;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * The channel adapters: SMTP when {@code spring.mail.host} is set, the configured SMS
 * provider through a trusted outbound client, and webhooks signed with each operator's
 * keys through the guarded one. A channel without a provider is disabled: it sends
 * nothing, and messages fall back to the holder's next channel. Each is replaceable by a
 * bean of the same interface.
 */
@Configuration(proxyBeanMethods = false)
class ChannelConfiguration {

	@Bean
	@ConditionalOnMissingBean
	EmailSender emailSender(ObjectProvider<JavaMailSenderImpl> mail, NotifierSettings settings) {
		JavaMailSenderImpl smtp = mail.getIfAvailable();
		return (smtp != null) ? new SmtpEmailSender(smtp, settings.mailFrom(), settings.smtpConnections())
				: new DisabledEmailSender();
	}

	@Bean
	@ConditionalOnMissingBean
	SmsSender smsSender(NotifierSettings settings, HolderEndpointsSettings endpoints,
			OutboundClient smsProviderClient) {
		NotifierSettings.Sms sms = settings.sms();
		return switch (sms.provider()) {
			case "none" -> new DisabledSmsSender();
			case "twilio" -> {
				if (isBlank(sms.accountSid()) || isBlank(sms.authToken()) || isBlank(sms.from())) {
					throw new IllegalStateException(
							"keepline.notifier.sms.provider=twilio needs account-sid, auth-token and from");
				}
				yield new TwilioSmsSender(smsProviderClient, sms.baseUrl(), sms.accountSid(), sms.authToken(),
						sms.from(), URI.create(endpoints.base() + "/v1/sms/status"));
			}
			default -> throw new IllegalStateException(
					"keepline.notifier.sms.provider must be 'none' or 'twilio', not '" + sms.provider() + "'");
		};
	}

	@Bean
	@ConditionalOnMissingBean
	WebhookSender webhookSender(NotifierSettings settings, OutboundClient webhookClient, Clock clock) {
		return new HttpWebhookSender(webhookClient, WebhookKeys.parse(settings.webhookSecrets()),
				new ConcurrencyLimits(settings.webhookOperatorConcurrency(), Duration.ZERO, clock), clock);
	}

	/** Holder webhook URLs are data: only the guarded client may call them. */
	@Bean
	OutboundClient webhookClient(OutboundClients clients, NotifierSettings settings) {
		return clients.guarded(settings.httpTimeout());
	}

	/**
	 * The SMS provider's address is configuration: a trusted client with the same limits.
	 */
	@Bean
	OutboundClient smsProviderClient(OutboundClients clients, NotifierSettings settings) {
		return clients.trusted(settings.httpTimeout());
	}

	private static boolean isBlank(String value) {
		return value == null || value.isBlank();
	}

}
