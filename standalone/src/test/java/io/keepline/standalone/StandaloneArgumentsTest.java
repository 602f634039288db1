package io.keepline.standalone;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class StandaloneArgumentsTest {

	@Test
	void runsTheDemoOnTheUsualPortsWithDemoSecretsOutboxAndSandbox() {
		StandaloneSettings settings = StandaloneArguments.parse(new String[0], Map.of());

		assertThat(settings.dataDir()).isEqualTo(Path.of("data").toAbsolutePath());
		assertThat(settings.wipe()).isFalse();
		assertThat(settings.ports()).isEqualTo(new StandaloneSettings.Ports(9092, 9093, 8080, 8081, 8082, 8083, 8084,
				new StandaloneSettings.Management(9081, 9082, 9083, 9084)));
		assertThat(settings.secrets().operatorKeys())
			.isEqualTo("orange=demo-orange-key,proximus=demo-proximus-key,base=demo-base-key");
		assertThat(settings.secrets().webhookSecret()).isEqualTo("whsec_demo");
		assertThat(settings.secrets().linkSecret()).isNull();
		assertThat(settings.secrets().consoleToken()).isNull();
		assertThat(settings.mail()).isNull();
		assertThat(settings.stripe()).isNull();
		assertThat(settings.seeds()).isNotNull();
	}

	@Test
	void takesTheOperatorsOwnNoticeWebhooksAndTheirKeysFromTheEnvironment() {
		StandaloneSettings settings = StandaloneArguments.parse(new String[0],
				Map.of("KEEPLINE_OPERATOR_WEBHOOKS", "orange=https://mine.example/notices",
						"KEEPLINE_OPERATOR_WEBHOOK_SECRETS", "orange=k1:" + "s".repeat(32)));

		assertThat(settings.secrets().operatorWebhooks()).isEqualTo("orange=https://mine.example/notices");
		assertThat(settings.secrets().operatorWebhookSecrets()).isEqualTo("orange=k1:" + "s".repeat(32));
		assertThat(StandaloneArguments.parse(new String[0], Map.of()).secrets().operatorWebhooks()).isNull();
	}

	@Test
	void readsFlags() {
		StandaloneSettings settings = StandaloneArguments
			.parse(new String[] { "--wipe", "--data-dir=/tmp/kl", "--kafka.port=19092", "--no-seeds" }, Map.of());

		assertThat(settings.wipe()).isTrue();
		assertThat(settings.dataDir()).isEqualTo(Path.of("/tmp/kl"));
		assertThat(settings.ports().kafka()).isEqualTo(19092);
		assertThat(settings.ports().kafkaController()).isEqualTo(19093);
		assertThat(settings.seeds()).isNull();
	}

	@Test
	void takesSecretsSmtpAndStripeFromTheEnvironment() {
		StandaloneSettings settings = StandaloneArguments.parse(new String[0],
				Map.of("KEEPLINE_OPERATOR_KEYS", "orange=k1", "KEEPLINE_LINK_SECRET", "s".repeat(40),
						"STRIPE_WEBHOOK_SECRET", "whsec_real", "STRIPE_API_KEY", "sk_test_1", "STRIPE_API_BASE",
						"http://localhost:12111", "SPRING_MAIL_HOST", "smtp.example.com", "SPRING_MAIL_PORT", "587"));

		assertThat(settings.secrets().operatorKeys()).isEqualTo("orange=k1");
		assertThat(settings.secrets().linkSecret()).hasSize(40);
		assertThat(settings.secrets().webhookSecret()).isEqualTo("whsec_real");
		assertThat(settings.stripe()).isEqualTo(new StandaloneSettings.Stripe("sk_test_1", "http://localhost:12111"));
		assertThat(settings.mail().host()).isEqualTo("smtp.example.com");
		assertThat(settings.mail().port()).isEqualTo(587);
	}

	@Test
	void takesTheConsoleTokenFromTheEnvironmentButNotAShortOne() {
		StandaloneSettings settings = StandaloneArguments.parse(new String[0],
				Map.of("KEEPLINE_CONSOLE_TOKEN", "a-long-enough-console-token"));

		assertThat(settings.secrets().consoleToken()).isEqualTo("a-long-enough-console-token");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> StandaloneArguments.parse(new String[0], Map.of("KEEPLINE_CONSOLE_TOKEN", "short")))
			.withMessageStartingWith("KEEPLINE_CONSOLE_TOKEN is too short: use at least 16 characters");
	}

	@Test
	void rejectsUnknownFlagsWithTheUsage() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> StandaloneArguments.parse(new String[] { "--wype" }, Map.of()))
			.withMessageStartingWith("Unknown argument --wype. Usage:");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> StandaloneArguments.parse(new String[] { "--kafka.port=x" }, Map.of()))
			.withMessage("--kafka.port must be a port number, not 'x'");
	}

}
