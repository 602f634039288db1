package io.keepline.notifier.holder;

import java.util.LinkedHashMap;
import java.util.Map;

import io.keepline.notifier.NotifierSettings;
import io.keepline.support.web.Problems;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The SMS provider's signed form POSTs to one of the notifier's URLs (Twilio's format,
 * {@code X-Twilio-Signature} over the URL and the form): none without a provider
 * configured (404), none whose signature does not match (403).
 */
final class TwilioRequests {

	private static final Logger log = LoggerFactory.getLogger(TwilioRequests.class);

	private final TwilioSignature signature;

	private final String url;

	private final String what;

	/**
	 * @param url the public URL the provider posts to (what it signs)
	 * @param what what the requests are, for the log of a refused one
	 */
	TwilioRequests(NotifierSettings settings, String url, String what) {
		String token = settings.sms().authToken();
		boolean enabled = !"none".equals(settings.sms().provider()) && token != null && !token.isBlank();
		this.signature = enabled ? new TwilioSignature(token) : null;
		this.url = url;
		this.what = what;
	}

	/** The request's form once its signature is verified, else why it is refused. */
	Verified verify(HttpServletRequest request, String signed) {
		if (this.signature == null) {
			return new Verified(null,
					Problems.of(HttpStatus.NOT_FOUND, "no SMS provider is configured (keepline.notifier.sms)"));
		}
		Map<String, String> params = new LinkedHashMap<>();
		request.getParameterMap().forEach((name, values) -> params.put(name, values[0]));
		if (!this.signature.verifies(this.url, params, signed)) {
			log.warn("{} refused: X-Twilio-Signature does not match", this.what);
			return new Verified(null,
					Problems.of(HttpStatus.FORBIDDEN, "X-Twilio-Signature: does not match this request"));
		}
		return new Verified(params, null);
	}

	/**
	 * A verified request's form parameters (first value of each), or the answer that
	 * refuses it.
	 */
	record Verified(Map<String, String> params, ResponseEntity<?> refusal) {

		boolean refused() {
			return this.refusal != null;
		}

	}

}
