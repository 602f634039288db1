package io.keepline.payments;

import java.time.Duration;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the payments service ({@code keepline.payments.*}); its Streams identity is
 * {@code spring.kafka.streams.*}. Stripe mode needs {@code STRIPE_API_KEY} and
 * {@code STRIPE_WEBHOOK_SECRET}; the offline sandbox must be chosen explicitly
 * ({@code mode=sandbox}, or {@code auto} without an API key). {@code auto-renew-max-age}
 * (default 20 hours) is the age beyond which an {@code AutoRenewalDue} is not charged (a
 * replay, or a consumer that lagged that long).
 */
@Validated
@ConfigurationProperties("keepline.payments")
public record PaymentsSettings(@DefaultValue("stripe") Mode mode, @NotNull StripeSettings stripe,
		@NotBlank @DefaultValue("keepline-payments") String groupId,
		@NotNull @DefaultValue("PT12H") Duration checkoutReuseWindow,
		@NotNull @DefaultValue("P14D") Duration statusLinkTtl, @NotNull @DefaultValue("PT2S") Duration retryBackoff,
		@DefaultValue("4") int retryAttempts, @NotNull @DefaultValue("PT5M") Duration reconcileInterval,
		@NotNull @DefaultValue("P3D") Duration reconcileLookback,
		@NotNull @DefaultValue("PT20H") Duration autoRenewMaxAge) {

	public PaymentsSettings {
		if (autoRenewMaxAge != null && (autoRenewMaxAge.isNegative() || autoRenewMaxAge.isZero())) {
			throw new IllegalArgumentException("keepline.payments.auto-renew-max-age must be positive (was "
					+ autoRenewMaxAge + "): an AutoRenewalDue older than it is not charged");
		}
		if (stripe != null) {
			boolean hasKey = stripe.apiKey() != null && !stripe.apiKey().isBlank();
			Mode effective = (mode == Mode.AUTO) ? (hasKey ? Mode.STRIPE : Mode.SANDBOX) : mode;
			if (effective == Mode.STRIPE && !hasKey) {
				throw new IllegalArgumentException(
						"Stripe mode needs STRIPE_API_KEY (keepline.payments.stripe.api-key); "
								+ "the offline sandbox must be enabled explicitly with keepline.payments.mode=sandbox");
			}
			if (stripe.webhookSecret() == null || stripe.webhookSecret().isBlank()) {
				throw new IllegalArgumentException(
						"STRIPE_WEBHOOK_SECRET (keepline.payments.stripe.webhook-secret) is required to verify webhooks");
			}
			mode = effective;
		}
	}

	/** Whether payments talk to the offline sandbox instead of Stripe. */
	public boolean sandbox() {
		return this.mode == Mode.SANDBOX;
	}

	/** Where payments get paid. */
	public enum Mode {

		/** The real Stripe API (or a Stripe-compatible endpoint such as stripe-mock). */
		STRIPE,

		/** The clearly labelled offline checkout served by payments itself. */
		SANDBOX,

		/**
		 * Stripe when an API key is configured, else the sandbox (the standalone's
		 * choice).
		 */
		AUTO

	}

	/**
	 * Access to Stripe: API key, webhook endpoint secret, optional API base (stripe-mock,
	 * a test stub), timeouts and stripe-java's network retries.
	 */
	public record StripeSettings(String apiKey, String webhookSecret, String apiBase,
			@NotNull @DefaultValue("PT5S") Duration connectTimeout,
			@NotNull @DefaultValue("PT20S") Duration readTimeout, @DefaultValue("3") int maxNetworkRetries,
			@DefaultValue("300") long webhookToleranceSeconds) {

		@Override
		public String toString() {
			return "StripeSettings[apiBase=" + this.apiBase + "]";
		}

	}

}
