package io.keepline.bench.baseline;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.stripe.exception.SignatureVerificationException;
import com.stripe.net.Webhook;
import io.keepline.bench.Figure;
import io.keepline.bench.Progress;

/**
 * Baseline: Stripe webhook signature verification alone (stripe-java's
 * {@code Webhook.Signature.verifyHeader}), the floor under any webhook endpoint's cost.
 */
public final class SignatureVerificationRate {

	private SignatureVerificationRate() {
	}

	public static Figure measure(String payload, String secret, int iterations, Progress progress) {
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
	 * {@code t=<timestamp>,v1=<hex HMAC-SHA256 of "t.payload">}, exactly as Stripe signs.
	 */
	public static String signatureHeader(String payload, String secret, long timestamp) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			byte[] signature = mac.doFinal((timestamp + "." + payload).getBytes(StandardCharsets.UTF_8));
			return "t=" + timestamp + ",v1=" + HexFormat.of().formatHex(signature);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
