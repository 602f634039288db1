package io.keepline.contracts.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The {@code Keepline-Signature} header: {@code t=<unix seconds>} and one
 * {@code v1=<key id>:<hex HMAC-SHA256 of "<t>.<raw body>">} per active key of the
 * operator, the newest first, as Stripe signs its webhooks. During a rotation the
 * delivery carries both signatures, so a receiver holding either key verifies it.
 * {@link #verify} is what a receiver does (see the package documentation).
 */
public final class WebhookSignature {

	/** The header that carries the signature. */
	public static final String HEADER = "Keepline-Signature";

	/** The shortest secret accepted. */
	public static final int MIN_SECRET_BYTES = 32;

	private static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9_.-]{1,32}");

	private static final String ALGORITHM = "HmacSHA256";

	private final List<Key> keys;

	/**
	 * Signs with {@code keys}, the newest last (as configured); at most two are active.
	 */
	public WebhookSignature(List<Key> keys) {
		if (keys.isEmpty() || keys.size() > 2) {
			throw new IllegalArgumentException("one key, or two during a rotation, are needed; got " + keys.size());
		}
		List<Key> newestFirst = new ArrayList<>(keys);
		Collections.reverse(newestFirst);
		this.keys = List.copyOf(newestFirst);
	}

	/** A single key, as a receiver that holds one secret verifies with it. */
	public static WebhookSignature of(String keyId, String secret) {
		return new WebhookSignature(List.of(new Key(keyId, secret)));
	}

	/** The id of the key a delivery is signed with first (the newest). */
	public String currentKeyId() {
		return this.keys.get(0).id();
	}

	/** The header value for {@code body} sent at {@code timestamp}. */
	public String header(Instant timestamp, byte[] body) {
		long t = timestamp.getEpochSecond();
		StringBuilder header = new StringBuilder("t=").append(t);
		for (Key key : this.keys) {
			header.append(",v1=").append(key.id()).append(':').append(HexFormat.of().formatHex(key.mac(t, body)));
		}
		return header.toString();
	}

	/**
	 * Whether {@code header} signs exactly {@code body} with one of this verifier's keys
	 * (matched by key id), at most {@code tolerance} away from {@code now}.
	 */
	public boolean verify(String header, byte[] body, Instant now, Duration tolerance) {
		if (header == null) {
			return false;
		}
		Long t = null;
		List<String[]> signatures = new ArrayList<>();
		for (String part : header.split(",")) {
			String[] pair = part.trim().split("=", 2);
			if (pair.length == 2 && pair[0].equals("t")) {
				t = parse(pair[1]);
			}
			else if (pair.length == 2 && pair[0].equals("v1") && pair[1].contains(":")) {
				signatures.add(pair[1].split(":", 2));
			}
		}
		if (t == null || Duration.between(Instant.ofEpochSecond(t), now).abs().compareTo(tolerance) > 0) {
			return false;
		}
		boolean matched = false;
		for (String[] signature : signatures) {
			for (Key key : this.keys) {
				if (key.id().equals(signature[0]) && isHex(signature[1])) {
					matched |= MessageDigest.isEqual(key.mac(t, body), HexFormat.of().parseHex(signature[1]));
				}
			}
		}
		return matched;
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

	/** One signing key: its id, named in the header, and its secret (UTF-8). */
	public record Key(String id, String secret) {

		public Key {
			if (id == null || !KEY_ID.matcher(id).matches()) {
				throw new IllegalArgumentException(
						"a webhook key id is 1 to 32 letters, digits, '.', '_' or '-', not '" + id + "'");
			}
			if (secret == null || secret.getBytes(StandardCharsets.UTF_8).length < MIN_SECRET_BYTES) {
				throw new IllegalArgumentException(
						"the webhook secret of key '" + id + "' must be at least " + MIN_SECRET_BYTES + " bytes");
			}
		}

		byte[] mac(long t, byte[] body) {
			try {
				Mac mac = Mac.getInstance(ALGORITHM);
				mac.init(new SecretKeySpec(this.secret.getBytes(StandardCharsets.UTF_8), ALGORITHM));
				mac.update((t + ".").getBytes(StandardCharsets.US_ASCII));
				return mac.doFinal(body);
			}
			catch (GeneralSecurityException ex) {
				throw new IllegalStateException("HmacSHA256 is not available in this JVM", ex);
			}
		}

		@Override
		public String toString() {
			return "Key[id=" + this.id + "]";
		}

	}

}
