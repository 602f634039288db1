package io.keepline.standalone;

import io.keepline.contracts.OperatorId;
import io.keepline.contracts.webhook.WebhookKeys;
import io.keepline.standalone.console.ConsoleSettings;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class OperatorNoticeRoutesTest {

	private static final String CONSOLE = "http://localhost:8080";

	private static final String ORANGE_KEY = "orange=mine:" + "o".repeat(32);

	@Test
	void sendsEveryOperatorsNoticesToItsSimulatedOperatorWithAGeneratedKeyByDefault() {
		OperatorNoticeRoutes routes = OperatorNoticeRoutes.of(StandaloneSettings.Secrets.demo(), CONSOLE);

		assertThat(routes.simulated()).containsExactlyInAnyOrder("orange", "proximus", "base");
		assertThat(routes.webhooks()).containsEntry("orange",
				CONSOLE + ConsoleSettings.simulatedOperatorPath("orange"));
		WebhookKeys keys = WebhookKeys.parse(routes.webhookSecrets());
		assertThat(keys.operators()).isEqualTo(3);
		assertThat(keys.of(OperatorId.of("base")).orElseThrow().currentKeyId())
			.isEqualTo(OperatorNoticeRoutes.GENERATED_KEY_ID);
		assertThat(OperatorNoticeRoutes.of(StandaloneSettings.Secrets.demo(), CONSOLE).webhookSecrets())
			.as("generated anew at each start")
			.isNotEqualTo(routes.webhookSecrets());
	}

	@Test
	void anOperatorsOwnWebhookOverridesOnlyThatOperator() {
		OperatorNoticeRoutes routes = OperatorNoticeRoutes
			.of(secrets("orange=https://mine.example/notices", ORANGE_KEY), CONSOLE);

		assertThat(routes.webhooks()).containsEntry("orange", "https://mine.example/notices")
			.containsEntry("base", CONSOLE + ConsoleSettings.simulatedOperatorPath("base"))
			.containsEntry("proximus", CONSOLE + ConsoleSettings.simulatedOperatorPath("proximus"));
		assertThat(routes.simulated()).containsExactlyInAnyOrder("proximus", "base");
		assertThat(routes.webhookSecrets()).contains(ORANGE_KEY);
		assertThat(routes.toString()).doesNotContain("o".repeat(32));
	}

	@Test
	void refusesAnOwnWebhookWithoutAKeyToVerifyItsNotices() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> OperatorNoticeRoutes.of(secrets("orange=https://mine.example/notices", null), CONSOLE))
			.withMessageContaining("KEEPLINE_OPERATOR_WEBHOOK_SECRETS (orange=kid:secret");
	}

	@Test
	void refusesAShortSecretNamingTheSetting() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> OperatorNoticeRoutes.of(secrets(null, "base=k1:short"), CONSOLE))
			.withMessageStartingWith("KEEPLINE_OPERATOR_WEBHOOK_SECRETS: ")
			.withMessageContaining("at least 32 bytes");
	}

	private static StandaloneSettings.Secrets secrets(String webhooks, String webhookSecrets) {
		return new StandaloneSettings.Secrets(StandaloneSettings.Secrets.DEMO_OPERATOR_KEYS, null,
				StandaloneSettings.Secrets.DEMO_WEBHOOK_SECRET, StandaloneSettings.Secrets.DEMO_HOLDER_WEBHOOK_SECRET,
				null, null, webhooks, webhookSecrets);
	}

}
