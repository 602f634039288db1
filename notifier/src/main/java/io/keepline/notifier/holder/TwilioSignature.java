package io.keepline.notifier.holder;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Twilio's request signature ({@code X-Twilio-Signature}): base64 of HMAC-SHA1, keyed
 * with the account's auth token, over the full URL Twilio called followed by each POST
 * parameter's name and value, sorted by name.
 */
final class TwilioSignature {

	private final byte[] authToken;

	TwilioSignature(String authToken) {
		this.authToken = authToken.getBytes(StandardCharsets.UTF_8);
	}

	String sign(String url, Map<String, String> params) {
		StringBuilder data = new StringBuilder(url);
		new TreeMap<>(params).forEach((name, value) -> data.append(name).append(value));
		try {
			Mac mac = Mac.getInstance("HmacSHA1");
			mac.init(new SecretKeySpec(this.authToken, "HmacSHA1"));
			return Base64.getEncoder().encodeToString(mac.doFinal(data.toString().getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA1 is not available", ex);
		}
	}

	/**
	 * Whether {@code signature} is Twilio's for this request, compared in constant time.
	 */
	boolean verifies(String url, Map<String, String> params, String signature) {
		return signature != null && MessageDigest.isEqual(sign(url, params).getBytes(StandardCharsets.US_ASCII),
				signature.getBytes(StandardCharsets.US_ASCII));
	}

}
