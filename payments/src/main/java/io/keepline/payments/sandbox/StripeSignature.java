package io.keepline.payments.sandbox;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs a payload exactly as Stripe signs webhooks: {@code Stripe-Signature: t={unix
 * seconds},v1=hex(HMAC-SHA256(secret, t + "." + payload))}.
 */
public final class StripeSignature {

	private StripeSignature() {
	}

	public static String header(String secret, Instant timestamp, String payload) {
		long t = timestamp.getEpochSecond();
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			byte[] signature = mac.doFinal((t + "." + payload).getBytes(StandardCharsets.UTF_8));
			return "t=" + t + ",v1=" + HexFormat.of().formatHex(signature);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is not available in this JVM", ex);
		}
	}

}
