package io.keepline.payments.webhook;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

import io.keepline.support.web.Problems;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /v1/stripe/webhook}: the exact bytes Stripe sent (at most 1 MiB, far more
 * than any event takes) are verified, then 200 only once the resulting event is in Kafka,
 * 400 when not genuine, 413 when too large, 503 so that Stripe retries. A refusal is an
 * RFC 9457 problem detail that says why in general terms; the log says which check
 * failed.
 */
@RestController
class StripeWebhookController {

	/** The largest body read: a bigger one is refused unread rather than buffered. */
	static final int MAX_BODY_BYTES = 1024 * 1024;

	static final String TOO_LARGE = "the body is larger than " + MAX_BODY_BYTES + " bytes";

	static final String UNAVAILABLE = "the event could not be recorded now (Kafka, Stripe or the line stores "
			+ "unavailable); deliver it again later";

	static final String NOT_GENUINE = "not a genuine Stripe event: the Stripe-Signature does not match this body "
			+ "and the endpoint secret within the tolerance, or the body is not a readable event";

	private final WebhookProcessor processor;

	StripeWebhookController(WebhookProcessor processor) {
		this.processor = processor;
	}

	@PostMapping("/v1/stripe/webhook")
	ResponseEntity<?> receive(HttpServletRequest request,
			@RequestHeader(name = "Stripe-Signature", required = false) String signature) throws IOException {
		if (request.getContentLengthLong() > MAX_BODY_BYTES) {
			return Problems.of(HttpStatus.CONTENT_TOO_LARGE, TOO_LARGE);
		}
		byte[] body;
		try (InputStream in = request.getInputStream()) {
			body = in.readNBytes(MAX_BODY_BYTES + 1);
		}
		if (body.length > MAX_BODY_BYTES) {
			return Problems.of(HttpStatus.CONTENT_TOO_LARGE, TOO_LARGE);
		}
		if (signature == null || signature.isBlank()) {
			return Problems.of(HttpStatus.BAD_REQUEST, "the Stripe-Signature header is missing");
		}
		if (body.length == 0) {
			return Problems.of(HttpStatus.BAD_REQUEST, "the body is empty");
		}
		WebhookOutcome outcome = this.processor.handle(new String(body, StandardCharsets.UTF_8), signature);
		if (outcome == WebhookOutcome.REJECTED) {
			return Problems.of(HttpStatus.BAD_REQUEST, NOT_GENUINE);
		}
		if (outcome == WebhookOutcome.UNAVAILABLE) {
			return Problems.of(HttpStatus.SERVICE_UNAVAILABLE, UNAVAILABLE);
		}
		return ResponseEntity.status(outcome.status())
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("outcome", outcome.name().toLowerCase(Locale.ROOT)));
	}

}
