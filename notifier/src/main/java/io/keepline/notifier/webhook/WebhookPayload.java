package io.keepline.notifier.webhook;

import java.time.Instant;
import java.time.LocalDate;

import io.keepline.contracts.json.EventJson;

/**
 * The JSON a webhook receives: which notification, for which cycle, the message's subject
 * and one-paragraph text in the holder's language, and the links to act on. The number is
 * masked, as everywhere outside the holder's own inbox.
 */
public record WebhookPayload(String id, String template, String locale, Instant occurredAt, String number,
		LocalDate validUntil, String subject, String text, String payLink, String statusLink) {

	public byte[] toJson() {
		return EventJson.write(this, WebhookPayload.class);
	}

}
