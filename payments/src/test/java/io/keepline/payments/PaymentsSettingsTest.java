package io.keepline.payments;

import java.time.Duration;

import io.keepline.payments.PaymentsSettings.Mode;
import io.keepline.payments.PaymentsSettings.StripeSettings;
import io.keepline.support.links.LinkSettings;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Payments refuses to start without Stripe keys unless the offline sandbox was chosen.
 */
class PaymentsSettingsTest {

	@Test
	void stripeModeWithoutAnApiKeyRefusesToStart() {
		assertThatIllegalArgumentException().isThrownBy(() -> settings(Mode.STRIPE, null, "whsec_x"))
			.withMessageContaining("STRIPE_API_KEY");
	}

	@Test
	void noWebhookSecretRefusesToStartInAnyMode() {
		assertThatIllegalArgumentException().isThrownBy(() -> settings(Mode.SANDBOX, null, ""))
			.withMessageContaining("STRIPE_WEBHOOK_SECRET");
	}

	@Test
	void theSandboxRunsOnlyWhenChosen() {
		assertThat(settings(Mode.SANDBOX, null, "whsec_demo").sandbox()).isTrue();
		assertThat(settings(Mode.STRIPE, "sk_test_1", "whsec_1").sandbox()).isFalse();
	}

	@Test
	void autoUsesStripeWhenAKeyIsConfiguredElseTheSandbox() {
		assertThat(settings(Mode.AUTO, "sk_test_1", "whsec_1").mode()).isEqualTo(Mode.STRIPE);
		assertThat(settings(Mode.AUTO, "", "whsec_demo").mode()).isEqualTo(Mode.SANDBOX);
	}

	@Test
	void anAutoRenewMaxAgeThatIsNotPositiveRefusesToStart() {
		StripeSettings stripe = new StripeSettings(null, "whsec_1", null, Duration.ofSeconds(5), Duration.ofSeconds(20),
				3, 300);
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new PaymentsSettings(Mode.SANDBOX, stripe, "keepline-payments", Duration.ofHours(12),
					Duration.ofDays(14), Duration.ofSeconds(2), 4, Duration.ofMinutes(5), Duration.ofDays(3),
					Duration.ZERO))
			.withMessageContaining("keepline.payments.auto-renew-max-age must be positive");
	}

	@Test
	void aShortLinkSecretRefusesToStart() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new LinkSettings("short", java.net.URI.create("http://localhost:8084")))
			.withMessageContaining("KEEPLINE_LINK_SECRET");
	}

	private static PaymentsSettings settings(Mode mode, String apiKey, String webhookSecret) {
		return new PaymentsSettings(mode,
				new StripeSettings(apiKey, webhookSecret, null, Duration.ofSeconds(5), Duration.ofSeconds(20), 3, 300),
				"keepline-payments", Duration.ofHours(12), Duration.ofDays(14), Duration.ofSeconds(2), 4,
				Duration.ofMinutes(5), Duration.ofDays(3), Duration.ofHours(20));
	}

}
