package io.keepline.standalone.console;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks a holder webhook's {@code Keepline-Signature} ({@code t=<unix seconds>,v1=<hex
 * HMAC-SHA256 of "<t>.<raw body>">}) as any receiver of Keepline's webhooks does, so the
 * console's webhook stand-ins take deliveries from the notifier and nobody else.
 */
class HolderWebhookSignature {

	static final String HEADER = "Keepline-Signature";

	static final Duration TOLERANCE = Duration.ofMinutes(5);

	private final SecretKeySpec key;

	HolderWebhookSignature(String secret) {
		this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
	}

	boolean verify(String header, byte[] body, Instant now) {
		if (header == null) {
			return false;
		}
		Long t = null;
		String v1 = null;
		for (String part : header.split(",")) {
			String[] pair = part.strip().split("=", 2);
			if (pair.length == 2 && pair[0].equals("t") && pair[1].matches("\\d{1,12}")) {
				t = Long.parseLong(pair[1]);
			}
			else if (pair.length == 2 && pair[0].equals("v1") && pair[1].matches("(?:[0-9a-fA-F]{2})+")) {
				v1 = pair[1];
			}
		}
		if (t == null || v1 == null || Duration.between(Instant.ofEpochSecond(t), now).abs().compareTo(TOLERANCE) > 0) {
			return false;
		}
		return MessageDigest.isEqual(mac(t, body), HexFormat.of().parseHex(v1));
	}

	private byte[] mac(long t, byte[] body) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(this.key);
			mac.update((t + ".").getBytes(StandardCharsets.US_ASCII));
			return mac.doFinal(body);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is not available in this JVM", ex);
		}
	}

}
