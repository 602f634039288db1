package io.keepline.payments.line;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.keepline.contracts.payment.PaymentMethodCodeTried;

/**
 * A one-time code payments asked the notifier to send a holder: what the code is derived
 * from (never the code itself), and the tries of it seen on payment-events from every
 * payments instance.
 *
 * @param requestId the {@code PaymentMethodCodeRequested} event id
 * @param at when it was requested
 * @param keyId the link key the code is derived under
 * @param expiresAt the end of the code's validity
 * @param wrongTries the ids of the wrong tries' events (at most {@value #MAX_TRIES_KEPT})
 * @param usedAt when the right code was typed, or null
 */
public record CodeRequest(UUID requestId, Instant at, String keyId, Instant expiresAt, List<UUID> wrongTries,
		Instant usedAt) {

	static final int MAX_TRIES_KEPT = 10;

	/** A request stored before tries were kept reads as untried. */
	public CodeRequest {
		wrongTries = (wrongTries != null) ? List.copyOf(wrongTries) : List.of();
	}

	public CodeRequest(UUID requestId, Instant at, String keyId, Instant expiresAt) {
		this(requestId, at, keyId, expiresAt, List.of(), null);
	}

	public boolean used() {
		return this.usedAt != null;
	}

	/** This request with {@code tried} counted (once, however often it is folded). */
	CodeRequest with(PaymentMethodCodeTried tried) {
		if (tried.accepted()) {
			return used() ? this : new CodeRequest(this.requestId, this.at, this.keyId, this.expiresAt, this.wrongTries,
					tried.occurredAt());
		}
		if (this.wrongTries.contains(tried.eventId()) || this.wrongTries.size() >= MAX_TRIES_KEPT) {
			return this;
		}
		List<UUID> tries = new ArrayList<>(this.wrongTries);
		tries.add(tried.eventId());
		return new CodeRequest(this.requestId, this.at, this.keyId, this.expiresAt, tries, this.usedAt);
	}

}
