package io.keepline.payments.renewal;

import io.keepline.contracts.Msisdn;
import io.keepline.contracts.deadline.DeadlineEvent;
import org.apache.kafka.common.TopicPartition;

/**
 * A charge or refund whose outcome Stripe has not given yet, with the idempotency key
 * round in use and whether Stripe kept an answer (a 5xx) under it. Its partition is null
 * for a dead letter replayed by an operator.
 */
final class Unsettled {

	private final DeadlineEvent event;

	private final TopicPartition partition;

	private int tries;

	private int keyRound;

	private boolean keptByStripe;

	Unsettled(DeadlineEvent event, TopicPartition partition) {
		this.event = event;
		this.partition = partition;
	}

	DeadlineEvent event() {
		return this.event;
	}

	Msisdn msisdn() {
		return this.event.msisdn();
	}

	TopicPartition partition() {
		return this.partition;
	}

	/** How many times it was tried and failed for want of Stripe. */
	int tries() {
		return this.tries;
	}

	int keyRound() {
		return this.keyRound;
	}

	/**
	 * Moves to a new key when Stripe kept a 5xx under the current one, which only another
	 * key can get past; otherwise the request is sent again under the same key.
	 */
	int roundForNextRequest() {
		if (this.keptByStripe) {
			this.keyRound++;
			this.keptByStripe = false;
		}
		return this.keyRound;
	}

	/** Counts a try that ended without an outcome. */
	void triedAgain() {
		this.tries++;
	}

	/**
	 * Records how a request under the current key failed just after Stripe answered a
	 * lookup: {@code answered} (a 5xx) then means Stripe kept that 5xx under the key.
	 */
	void requestFailed(boolean answered) {
		this.keptByStripe = this.keptByStripe || answered;
	}

}
