package io.keepline.payments.renewal;

/**
 * Stripe took the charge or refund, but its outcome could not be published yet (the line
 * view or Kafka unavailable). The record is delivered again until it is: the same
 * idempotency key makes Stripe replay its answer instead of charging twice, and the
 * outcome's id makes a second publication a duplicate.
 */
class OutcomeNotRecordedException extends RuntimeException {

	OutcomeNotRecordedException(String message) {
		super(message);
	}

}
