package io.keepline.notifier;

import java.time.Clock;

import io.keepline.notifier.email.EmailSender;
import io.keepline.notifier.email.LoggingEmailSender;
import io.keepline.notifier.email.SmtpEmailSender;
import io.keepline.notifier.sms.LoggingSmsSender;
import io.keepline.notifier.sms.SmsSender;
import io.keepline.notifier.sms.TwilioSmsSender;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.mail.autoconfigure.MailSenderAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

class NotifierSettingsTest {

	private static final String[] SECRETS = { "keepline.links.secret=a-link-secret-of-at-least-32-bytes!",
			"keepline.notifier.webhook-secret=whsec_x" };

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(MailSenderAutoConfiguration.class))
		.withUserConfiguration(Settings.class, ChannelConfiguration.class);

	@Test
	void refusesToStartWithoutItsSecrets() {
		this.runner.run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.hasMessageMatching("(?s).*is required \\(KEEPLINE_(LINK|WEBHOOK)_SECRET\\).*");
		});
	}

	@Test
	void refusesAShortLinkSecret() {
		this.runner.withPropertyValues("keepline.links.secret=short", "keepline.notifier.webhook-secret=whsec_x")
			.run((context) -> assertThat(context.getStartupFailure()).rootCause()
				.hasMessageContaining("at least 32 characters"));
	}

	@Test
	void logsEmailsAndSmsWhenNoProviderIsConfigured() {
		this.runner.withPropertyValues(SECRETS).run((context) -> {
			assertThat(context.getBean(EmailSender.class)).isInstanceOf(LoggingEmailSender.class);
			assertThat(context.getBean(SmsSender.class)).isInstanceOf(LoggingSmsSender.class);
		});
	}

	@Test
	void sendsOverSmtpAndTwilioWhenConfigured() {
		this.runner.withPropertyValues(SECRETS)
			.withPropertyValues("spring.mail.host=127.0.0.1", "keepline.notifier.sms.provider=twilio",
					"keepline.notifier.sms.account-sid=AC1", "keepline.notifier.sms.auth-token=t",
					"keepline.notifier.sms.from=+3225550100")
			.run((context) -> {
				assertThat(context.getBean(EmailSender.class)).isInstanceOf(SmtpEmailSender.class);
				assertThat(context.getBean(SmsSender.class)).isInstanceOf(TwilioSmsSender.class);
			});
	}

	@Test
	void refusesTwilioWithoutCredentials() {
		this.runner.withPropertyValues(SECRETS)
			.withPropertyValues("keepline.notifier.sms.provider=twilio")
			.run((context) -> assertThat(context.getStartupFailure()).rootCause()
				.hasMessageContaining("account-sid, auth-token and from"));
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties({ NotifierProperties.class, LinkProperties.class })
	static class Settings {

		@Bean
		Clock clock() {
			return Clock.systemUTC();
		}

	}

}
