package io.keepline.notifier;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import io.keepline.notifier.email.EmailSender;
import io.keepline.notifier.email.DisabledEmailSender;
import io.keepline.notifier.email.SmtpEmailSender;
import io.keepline.notifier.sms.DisabledSmsSender;
import io.keepline.notifier.sms.SmsSender;
import io.keepline.notifier.sms.TwilioSmsSender;
import io.keepline.support.links.LinksAutoConfiguration;
import io.keepline.support.outbound.OutboundAutoConfiguration;
import io.keepline.support.startup.StartupFacts;
import io.keepline.support.web.WebSupportAutoConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.mail.autoconfigure.MailSenderAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

class NotifierSettingsTest {

	private static final String[] SECRETS = { "keepline.links.secret=a-link-secret-of-at-least-32-bytes!",
			"keepline.notifier.webhook-secrets=orange=k1:a-webhook-secret-of-at-least-32-bytes" };

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(MailSenderAutoConfiguration.class, WebSupportAutoConfiguration.class,
				LinksAutoConfiguration.class, OutboundAutoConfiguration.class))
		.withUserConfiguration(Settings.class, ChannelConfiguration.class, NotifierFacts.class, ChannelsHealth.class);

	@Test
	void waitsForALaggingLineRecordAtMostHalfTheRetriesSpanSoThatTheLastAttemptSuppresses() {
		NotifierSettings.Retry defaults = new NotifierSettings.Retry(8, Duration.ofSeconds(5), 3.0, Duration.ofHours(1),
				(short) -1);
		NotifierSettings.Retry quick = new NotifierSettings.Retry(3, Duration.ofMillis(300), 2.0, Duration.ofSeconds(1),
				(short) -1);

		assertThat(quick.untilLastAttempt()).isEqualTo(Duration.ofMillis(900));
		assertThat(quick.recordWait(Duration.ofMinutes(2))).isEqualTo(Duration.ofMillis(450));
		assertThat(defaults.recordWait(Duration.ofMinutes(2))).isEqualTo(Duration.ofMinutes(2));
		assertThat(new NotifierSettings.Retry(1, Duration.ofSeconds(5), 3.0, Duration.ofHours(1), (short) -1)
			.recordWait(Duration.ofMinutes(2))).isZero();
	}

	@Test
	void refusesToStartWithoutItsSecrets() {
		this.runner.run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.hasMessageMatching("(?s).*is required \\(KEEPLINE_(LINK_SECRET|WEBHOOK_SECRETS)\\).*");
		});
	}

	@Test
	void refusesAnEmptyLinkSecretNamingItsVariable() {
		this.runner
			.withPropertyValues("keepline.links.secret=",
					"keepline.notifier.webhook-secrets=orange=k1:a-webhook-secret-of-at-least-32-bytes")
			.run((context) -> assertThat(context.getStartupFailure()).rootCause()
				.hasMessageContaining("KEEPLINE_LINK_SECRET"));
	}

	@Test
	void refusesAShortLinkSecret() {
		this.runner
			.withPropertyValues("keepline.links.secret=short",
					"keepline.notifier.webhook-secrets=orange=k1:a-webhook-secret-of-at-least-32-bytes")
			.run((context) -> assertThat(context.getStartupFailure()).rootCause()
				.hasMessageContaining("at least 32 bytes"));
	}

	@Test
	void disablesEmailAndSmsWhenNoProviderIsConfiguredAndSaysSo() {
		this.runner.withPropertyValues(SECRETS).run((context) -> {
			assertThat(context.getBean(EmailSender.class)).isInstanceOf(DisabledEmailSender.class);
			assertThat(context.getBean(SmsSender.class)).isInstanceOf(DisabledSmsSender.class);
			assertThat(facts(context)).containsExactly(entry("group", "keepline-notifier"),
					entry("email", "disabled (no spring.mail.host)"), entry("SMS", "disabled (no SMS provider)"),
					entry("webhooks", "signed"));
			assertThat(context.getBean(ChannelsHealth.class).health().getDetails())
				.containsEntry("email", "disabled: no SMTP host (spring.mail.host)")
				.containsEntry("sms", "disabled: no SMS provider (keepline.notifier.sms.provider)")
				.containsEntry("webhook", "enabled");
		});
	}

	@Test
	void refusesTheRetiredLoggingSmsProvider() {
		this.runner.withPropertyValues(SECRETS)
			.withPropertyValues("keepline.notifier.sms.provider=log")
			.run((context) -> assertThat(context.getStartupFailure()).rootCause()
				.hasMessageContaining("must be 'none' or 'twilio'"));
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
				assertThat(facts(context)).containsEntry("email", "SMTP 127.0.0.1:25").containsEntry("SMS", "twilio");
			});
	}

	@Test
	void refusesTwilioWithoutCredentials() {
		this.runner.withPropertyValues(SECRETS)
			.withPropertyValues("keepline.notifier.sms.provider=twilio")
			.run((context) -> assertThat(context.getStartupFailure()).rootCause()
				.hasMessageContaining("account-sid, auth-token and from"));
	}

	@Test
	void refusesAWebhookKeyWithoutAnIdOrTooShort() {
		this.runner.withPropertyValues(SECRETS[0], "keepline.notifier.webhook-secrets=orange=short-secret")
			.run((context) -> assertThat(context.getStartupFailure()).rootCause()
				.hasMessageContaining("a key of orange is not kid:secret"));
		this.runner.withPropertyValues(SECRETS[0], "keepline.notifier.webhook-secrets=orange=k1:short")
			.run((context) -> assertThat(context.getStartupFailure()).rootCause()
				.hasMessageContaining("key 'k1' must be at least 32 bytes"));
	}

	private static Map<String, Object> facts(ApplicationContext context) {
		Map<String, Object> facts = new LinkedHashMap<>();
		context.getBean(StartupFacts.class).describe(facts);
		return facts;
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties({ NotifierSettings.class, HolderEndpointsSettings.class })
	static class Settings {

	}

}
