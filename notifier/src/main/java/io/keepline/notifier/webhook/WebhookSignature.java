package io.keepline.notifier.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The {@code Keepline-Signature} header: {@code t=<unix seconds>,v1=<hex HMAC-SHA256 of
 * "<t>.<raw body>">}, keyed with the deployment's webhook secret, as Stripe signs its
 * webhooks. {@link #verify} is what a receiver does (see the package documentation).
 */
public final class WebhookSignature {

	/** The header that carries the signature. */
	public static final String HEADER = "Keepline-Signature";

	private static final String ALGORITHM = "HmacSHA256";

	private final SecretKeySpec key;

	public WebhookSignature(String secret) {
		if (secret == null || secret.isBlank()) {
			throw new IllegalArgumentException("A webhook secret is required");
		}
		this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
	}

	/** The header value for {@code body} sent at {@code timestamp}. */
	public String header(Instant timestamp, byte[] body) {
		long t = timestamp.getEpochSecond();
		return "t=" + t + ",v1=" + HexFormat.of().formatHex(mac(t, body));
	}

	/**
	 * Whether {@code header} signs exactly {@code body} with this secret, at most
	 * {@code tolerance} away from {@code now}.
	 */
	public boolean verify(String header, byte[] body, Instant now, Duration tolerance) {
		if (header == null) {
			return false;
		}
		Long t = null;
		boolean matched = false;
		for (String part : header.split(",")) {
			String[] pair = part.trim().split("=", 2);
			if (pair.length != 2) {
				continue;
			}
			if (pair[0].equals("t")) {
				t = parse(pair[1]);
			}
		}
		if (t == null || Duration.between(Instant.ofEpochSecond(t), now).abs().compareTo(tolerance) > 0) {
			return false;
		}
		byte[] expected = mac(t, body);
		for (String part : header.split(",")) {
			String[] pair = part.trim().split("=", 2);
			if (pair.length == 2 && pair[0].equals("v1") && isHex(pair[1])) {
				matched |= MessageDigest.isEqual(expected, HexFormat.of().parseHex(pair[1]));
			}
		}
		return matched;
	}

	private byte[] mac(long t, byte[] body) {
		try {
			Mac mac = Mac.getInstance(ALGORITHM);
			mac.init(this.key);
			mac.update((t + ".").getBytes(StandardCharsets.US_ASCII));
			return mac.doFinal(body);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is not available in this JVM", ex);
		}
	}

	private static Long parse(String value) {
		try {
			return Long.parseLong(value);
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	private static boolean isHex(String value) {
		return value.length() % 2 == 0 && value.chars().allMatch((c) -> Character.digit(c, 16) >= 0);
	}

}
