package io.keepline.payments.webhook;

import org.springframework.http.HttpStatus;

/**
 * What became of one webhook delivery, and the HTTP status Stripe gets for it.
 */
public enum WebhookOutcome {

	/** Verified, mapped and acknowledged by Kafka. */
	PUBLISHED(HttpStatus.OK),

	/** Verified, but nothing new to publish (replay, superseded, not Keepline's). */
	DUPLICATE(HttpStatus.OK),

	/** Verified, a type payments does not handle. */
	IGNORED(HttpStatus.OK),

	/** Bad signature, stale timestamp or unreadable body. */
	REJECTED(HttpStatus.BAD_REQUEST),

	/** Kafka, Stripe or the view could not be used now: Stripe retries later. */
	UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE);

	private final HttpStatus status;

	WebhookOutcome(HttpStatus status) {
		this.status = status;
	}

	public HttpStatus status() {
		return this.status;
	}

}
