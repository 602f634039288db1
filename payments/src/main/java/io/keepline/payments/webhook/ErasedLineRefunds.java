package io.keepline.payments.webhook;

import java.util.Optional;

import io.keepline.contracts.payment.PaymentRefunded;
import io.keepline.contracts.payment.PaymentSucceeded;

/**
 * Refunds a payment that arrives for a line Keepline no longer manages (erased), before
 * the payment is published; a lambda in tests.
 */
@FunctionalInterface
public interface ErasedLineRefunds {

	/** Refunds nothing: for callers that know every line they publish for exists. */
	ErasedLineRefunds NONE = (paid) -> Optional.empty();

	/**
	 * The refund of {@code paid} when its line is erased, done at Stripe; empty when the
	 * line is managed. Throws {@code GatewayUnavailableException} or
	 * {@code ViewUnavailableException} when it cannot tell or refund now.
	 */
	Optional<PaymentRefunded> refundIfErased(PaymentSucceeded paid);

}
