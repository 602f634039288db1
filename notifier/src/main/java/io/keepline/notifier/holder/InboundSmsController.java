package io.keepline.notifier.holder;

import java.util.Map;

import io.keepline.contracts.InvalidValueException;
import io.keepline.contracts.Msisdn;
import io.keepline.notifier.HolderEndpointsSettings;
import io.keepline.notifier.NotifierSettings;
import io.keepline.support.web.Problems;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * The SMS provider's inbound-message webhook (Twilio's format: a form POST with
 * {@code From} and {@code Body}, signed in {@code X-Twilio-Signature} with the auth
 * token): a STOP-like reply stops SMS at once for every line whose holder's SMS number
 * sent it, a START or UNSTOP allows it again. A bad signature answers 403 and changes
 * nothing.
 */
@RestController
class InboundSmsController {

	static final String PATH = "/v1/sms/inbound";

	private static final Logger log = LoggerFactory.getLogger(InboundSmsController.class);

	private static final String EMPTY_TWIML = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response></Response>";

	private final TwilioRequests requests;

	private final Unsubscriptions unsubscriptions;

	/**
	 * Checks signatures with the SMS provider's auth token (none accepted without a
	 * provider) against the public URL of this endpoint, which the provider signs.
	 */
	InboundSmsController(NotifierSettings settings, HolderEndpointsSettings endpoints,
			Unsubscriptions unsubscriptions) {
		this.requests = new TwilioRequests(settings, endpoints.base() + PATH, "Inbound SMS");
		this.unsubscriptions = unsubscriptions;
	}

	@PostMapping(path = PATH, consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
	ResponseEntity<?> receive(HttpServletRequest request,
			@RequestHeader(name = "X-Twilio-Signature", required = false) String signed) {
		TwilioRequests.Verified verified = this.requests.verify(request, signed);
		if (verified.refused()) {
			return verified.refusal();
		}
		Map<String, String> params = verified.params();
		boolean stop = StopWords.isStop(params.get("Body"));
		if (stop || StopWords.isStart(params.get("Body"))) {
			Msisdn from;
			try {
				from = Msisdn.of(params.get("From"));
			}
			catch (InvalidValueException ex) {
				return Problems.of(HttpStatus.BAD_REQUEST, "From: not an E.164 number");
			}
			if (stop) {
				int lines = this.unsubscriptions.stopSms(from);
				log.info("SMS STOP from {}: SMS stopped on {} line(s)", from.masked(), lines);
			}
			else {
				int lines = this.unsubscriptions.startSms(from);
				log.info("SMS START from {}: SMS allowed again on {} line(s)", from.masked(), lines);
			}
		}
		return ResponseEntity.ok().contentType(MediaType.APPLICATION_XML).body(EMPTY_TWIML);
	}

}
