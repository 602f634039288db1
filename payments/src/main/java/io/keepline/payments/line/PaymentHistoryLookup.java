package io.keepline.payments.line;

import java.util.Optional;

import io.keepline.contracts.Msisdn;

/**
 * Finds what payments published for a line; a lambda in tests and benchmarks.
 */
@FunctionalInterface
public interface PaymentHistoryLookup {

	/**
	 * The line's payment history, empty when payments published nothing for it;
	 * {@link ViewUnavailableException} while the store cannot be read.
	 */
	Optional<PaymentHistory> history(Msisdn msisdn);

}
