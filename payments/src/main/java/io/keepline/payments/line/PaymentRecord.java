package io.keepline.payments.line;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import io.keepline.contracts.Money;

/**
 * One payment fact payments published for a line, as the status page and the webhook's
 * duplicate checks need it.
 */
public record PaymentRecord(UUID eventId, Instant at, Kind kind, LocalDate validUntil, Money amount,
		String paymentIntentId, String reason) {

	/** Which payment fact. */
	public enum Kind {

		SUCCEEDED, FAILED, REFUNDED, METHOD_SAVED, PROCESSING, DISPUTED, AUTO_RENEWAL_STOPPED, METHOD_REMOVED,

		/** The holder said they topped the cycle up at the operator. */
		TOP_UP_REPORTED

	}

}
