package io.keepline.notifier.holder;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import io.keepline.notifier.HolderEndpointsSettings;
import io.keepline.notifier.NotifierSettings;
import io.keepline.notifier.delivery.UndeliveredSms;
import io.keepline.support.web.Problems;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * The SMS provider's status callback (Twilio's format: a form POST with
 * {@code MessageSid}, {@code MessageStatus} and, on failure, {@code ErrorCode}, signed in
 * {@code X-Twilio-Signature} as the inbound webhook is): a message reported
 * {@code undelivered} or {@code failed} fails for good on SMS and its notice goes to the
 * holder's next channel. Other statuses change nothing. A bad signature answers 403.
 */
@RestController
class SmsStatusController {

	/** Where the provider reports; each SMS sent names it as its status callback. */
	static final String PATH = "/v1/sms/status";

	private static final Logger log = LoggerFactory.getLogger(SmsStatusController.class);

	private static final Set<String> NOT_DELIVERED = Set.of("undelivered", "failed");

	private final TwilioSignature signature;

	private final String url;

	private final UndeliveredSms undelivered;

	SmsStatusController(NotifierSettings settings, HolderEndpointsSettings endpoints, UndeliveredSms undelivered) {
		String token = settings.sms().authToken();
		boolean enabled = !"none".equals(settings.sms().provider()) && token != null && !token.isBlank();
		this.signature = enabled ? new TwilioSignature(token) : null;
		this.url = endpoints.base() + PATH;
		this.undelivered = undelivered;
	}

	@PostMapping(path = PATH, consumes = "application/x-www-form-urlencoded")
	ResponseEntity<?> report(HttpServletRequest request,
			@RequestHeader(name = "X-Twilio-Signature", required = false) String signed) {
		if (this.signature == null) {
			return Problems.of(HttpStatus.NOT_FOUND, "no SMS provider is configured (keepline.notifier.sms)");
		}
		Map<String, String> params = new LinkedHashMap<>();
		request.getParameterMap().forEach((name, values) -> params.put(name, values[0]));
		if (!this.signature.verifies(this.url, params, signed)) {
			log.warn("SMS status report refused: X-Twilio-Signature does not match");
			return Problems.of(HttpStatus.FORBIDDEN, "X-Twilio-Signature: does not match this request");
		}
		String sid = params.get("MessageSid");
		String status = params.get("MessageStatus");
		if (sid == null || sid.isBlank()) {
			return Problems.of(HttpStatus.BAD_REQUEST, "MessageSid: missing");
		}
		if (status == null || status.isBlank()) {
			return Problems.of(HttpStatus.BAD_REQUEST, "MessageStatus: missing");
		}
		if (!NOT_DELIVERED.contains(status)) {
			return ResponseEntity.noContent().build();
		}
		UndeliveredSms.Outcome outcome = this.undelivered.report(sid, status, params.get("ErrorCode"));
		if (outcome == UndeliveredSms.Outcome.NOT_HANDED_ON) {
			// failed on SMS; a report sent again hands it on again
			return Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "the next channel cannot be reached now");
		}
		return ResponseEntity.noContent().build();
	}

}
