package io.keepline.payments.gateway;

/**
 * The idempotency keys of one charge or refund after Stripe kept a 5xx under the earlier
 * ones: round 0 is the original key, round n appends {@code :retry-n}. Deterministic, so
 * that two tries of the same round (another instance, a redelivery) share Stripe's
 * answer.
 */
public final class RetryKeys {

	private RetryKeys() {
	}

	public static String of(String original, int round) {
		return (round == 0) ? original : original + ":retry-" + round;
	}

}
