package io.keepline.contracts.deadline;

import io.keepline.contracts.InvalidValueException;

/**
 * Why the last automatic charge of a cycle failed, as Stripe said it.
 */
public record PaymentFailure(String reason, String declineCode, int attempt) {

	public PaymentFailure {
		InvalidValueException.require(reason, "reason");
	}

}
