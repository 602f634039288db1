package io.keepline.notifier.holder;

import java.util.Map;
import java.util.Set;

import io.keepline.notifier.HolderEndpointsSettings;
import io.keepline.notifier.NotifierSettings;
import io.keepline.notifier.delivery.UndeliveredSms;
import io.keepline.support.web.Problems;
import jakarta.servlet.http.HttpServletRequest;

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

	private static final Set<String> NOT_DELIVERED = Set.of("undelivered", "failed");

	private final TwilioRequests requests;

	private final UndeliveredSms undelivered;

	SmsStatusController(NotifierSettings settings, HolderEndpointsSettings endpoints, UndeliveredSms undelivered) {
		this.requests = new TwilioRequests(settings, endpoints.base() + PATH, "SMS status report");
		this.undelivered = undelivered;
	}

	@PostMapping(path = PATH, consumes = "application/x-www-form-urlencoded")
	ResponseEntity<?> report(HttpServletRequest request,
			@RequestHeader(name = "X-Twilio-Signature", required = false) String signed) {
		TwilioRequests.Verified verified = this.requests.verify(request, signed);
		if (verified.refused()) {
			return verified.refusal();
		}
		Map<String, String> params = verified.params();
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
