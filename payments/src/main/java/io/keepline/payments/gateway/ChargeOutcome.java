package io.keepline.payments.gateway;

/**
 * What Stripe answered to an off-session charge.
 */
public sealed interface ChargeOutcome {

	/** The money was captured. */
	record Succeeded(String paymentIntentId) implements ChargeOutcome {
	}

	/**
	 * Accepted but not final (SEPA Direct Debit): the outcome arrives by webhook.
	 */
	record Pending(String paymentIntentId) implements ChargeOutcome {
	}

	/**
	 * Declined or refused: {@code reason} is Stripe's error code, {@code retryable}
	 * whether a later attempt can succeed.
	 */
	record Failed(String paymentIntentId, String reason, String declineCode,
			boolean retryable) implements ChargeOutcome {
	}

}
