package io.keepline.contracts.reconcile;

import java.time.Instant;
import java.util.Objects;

/**
 * How far payments' reconciliation has read a Stripe account's Events API: topic
 * {@code payments-reconciliation}, keyed by the account: the payments deployment and the
 * Stripe mode it reads, such as {@code keepline-payments/stripe-live}.
 *
 * @param account the Stripe account and mode read
 * @param eventId the newest Stripe event reconciled, or null when the window read had
 * none
 * @param created up to when events are reconciled (the newest event's creation, or the
 * end of an empty window)
 * @param at when the checkpoint was written
 */
public record ReconciliationCheckpoint(String account, String eventId, Instant created, Instant at) {

	public ReconciliationCheckpoint {
		Objects.requireNonNull(account, "account");
		Objects.requireNonNull(created, "created");
		Objects.requireNonNull(at, "at");
	}

}
