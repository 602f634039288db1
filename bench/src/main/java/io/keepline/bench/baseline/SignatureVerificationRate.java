package io.keepline.bench.baseline;

import java.time.Instant;

import com.stripe.exception.SignatureVerificationException;
import com.stripe.net.Webhook;
import io.keepline.bench.Figure;
import io.keepline.bench.ProgressLine;
import io.keepline.payments.sandbox.StripeSignature;

/**
 * Baseline: Stripe webhook signature verification alone (stripe-java's
 * {@code Webhook.Signature.verifyHeader}), the floor under any webhook endpoint's cost.
 */
public final class SignatureVerificationRate {

	private SignatureVerificationRate() {
	}

	public static Figure measure(String payload, String secret, int iterations, ProgressLine progress) {
		String header = signatureHeader(payload, secret, System.currentTimeMillis() / 1000);
		long start = System.nanoTime();
		for (int i = 0; i < iterations; i++) {
			try {
				Webhook.Signature.verifyHeader(payload, header, secret, 300);
			}
			catch (SignatureVerificationException ex) {
				throw new IllegalStateException("The baseline's own signature did not verify", ex);
			}
			if ((i & 1023) == 1023) {
				progress.advance(1024);
			}
		}
		progress.advance(iterations & 1023);
		double seconds = (System.nanoTime() - start) / 1e9;
		return new Figure("bare signature verification", iterations / seconds, "verifications/s");
	}

	/**
	 * {@code t=<timestamp>,v1=<hex HMAC-SHA256 of "t.payload">}, exactly as Stripe signs
	 * (the same signer the offline sandbox uses).
	 */
	public static String signatureHeader(String payload, String secret, long timestamp) {
		return StripeSignature.header(secret, Instant.ofEpochSecond(timestamp), payload);
	}

}
