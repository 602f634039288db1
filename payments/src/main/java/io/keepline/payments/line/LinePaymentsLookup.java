package io.keepline.payments.line;

import java.util.Optional;

import io.keepline.contracts.Msisdn;

/**
 * Finds what payments knows about a line; a lambda in tests and benchmarks.
 */
@FunctionalInterface
public interface LinePaymentsLookup {

	/**
	 * What payments knows of the line, empty when nothing;
	 * {@link ViewUnavailableException} while the view cannot be read.
	 */
	Optional<LinePayments> find(Msisdn msisdn);

}
