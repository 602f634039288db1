package io.keepline.payments.webhook;

import java.nio.charset.StandardCharsets;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /v1/stripe/webhook}: the exact bytes Stripe sent are verified, then 200
 * only once the resulting event is in Kafka, 400 when not genuine, 503 so that Stripe
 * retries.
 */
@RestController
class StripeWebhookController {

	private final WebhookProcessor processor;

	StripeWebhookController(WebhookProcessor processor) {
		this.processor = processor;
	}

	@PostMapping("/v1/stripe/webhook")
	ResponseEntity<String> receive(@RequestBody(required = false) byte[] body,
			@RequestHeader(name = "Stripe-Signature", required = false) String signature) {
		if (body == null || signature == null) {
			return ResponseEntity.badRequest().body("{\"outcome\":\"rejected\"}");
		}
		WebhookOutcome outcome = this.processor.handle(new String(body, StandardCharsets.UTF_8), signature);
		return ResponseEntity.status(outcome.status())
			.header("Content-Type", "application/json")
			.body("{\"outcome\":\"" + outcome.name().toLowerCase(java.util.Locale.ROOT) + "\"}");
	}

}
