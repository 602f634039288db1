package io.keepline.standalone.console;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import io.keepline.contracts.webhook.WebhookKeys;
import io.keepline.contracts.webhook.WebhookSignature;
import io.keepline.standalone.seed.LineSeed;
import io.keepline.support.web.Problems;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Stand-ins the notifier delivers to in the standalone: a Twilio-compatible SMS API
 * ({@code POST .../2010-04-01/Accounts/{sid}/Messages.json}) and the seeded holders'
 * webhook endpoints. Both keep what they receive for the outbox page. The SMS API is
 * behind the console's token (the notifier sends it as the Twilio auth token); a webhook
 * is taken only with the signature the notifier puts on every holder webhook.
 */
@RestController
class OutboxEndpoints {

	/** How far a webhook's signed time may be from the console's clock. */
	static final Duration SIGNATURE_TOLERANCE = Duration.ofMinutes(5);

	private final TextOutbox outbox;

	private final WebhookKeys keys;

	private final Clock clock;

	OutboxEndpoints(TextOutbox outbox, ConsoleSettings settings, Clock clock) {
		this.outbox = outbox;
		this.keys = WebhookKeys.parse(settings.holderWebhookSecret());
		this.clock = clock;
	}

	@PostMapping(path = ConsoleSettings.SMS_PATH + "/2010-04-01/Accounts/{account}/Messages.json")
	ResponseEntity<Map<String, Object>> sms(@PathVariable String account,
			@RequestParam MultiValueMap<String, String> form) {
		String to = form.getFirst("To");
		String body = form.getFirst("Body");
		if (to == null || body == null) {
			return ResponseEntity.badRequest()
				.body(Map.of("code", 21604, "message", "A 'To' phone number and a 'Body' are required.", "status",
						400));
		}
		TextOutbox.Delivery delivery = this.outbox.add("sms", to, body, Map.of());
		Map<String, Object> message = new LinkedHashMap<>();
		message.put("sid", String.format("SMkeepline%022d", delivery.id()));
		message.put("account_sid", account);
		message.put("to", to);
		message.put("from", form.getFirst("From"));
		message.put("body", body);
		message.put("status", "queued");
		message.put("num_segments", "1");
		return ResponseEntity.status(HttpStatus.CREATED).body(message);
	}

	@PostMapping(LineSeed.WEBHOOK_PATH + "{holder}")
	ResponseEntity<?> webhook(@PathVariable String holder, @RequestHeader HttpHeaders headers,
			@RequestBody(required = false) byte[] body) {
		byte[] raw = (body != null) ? body : new byte[0];
		if (!this.keys.verifyAny(headers.getFirst(WebhookSignature.HEADER), raw, this.clock.instant(),
				SIGNATURE_TOLERANCE)) {
			return Problems.unauthorized("a holder webhook needs a valid " + WebhookSignature.HEADER);
		}
		Map<String, String> kept = new LinkedHashMap<>();
		headers.forEach((name, values) -> {
			if (name.toLowerCase().startsWith("keepline") || name.equalsIgnoreCase("content-type")) {
				kept.put(name, String.join(", ", values));
			}
		});
		this.outbox.add("webhook", "+" + holder, new String(raw, StandardCharsets.UTF_8), kept);
		return ResponseEntity.noContent().build();
	}

}
