package io.keepline.payments.view;

import java.util.Optional;

import io.keepline.contracts.Msisdn;

/**
 * Finds what payments knows about a line; a lambda in tests and benchmarks.
 */
@FunctionalInterface
public interface LineLookup {

	/**
	 * The line's view, empty when unknown; {@link ViewUnavailableException} while the
	 * view cannot be read.
	 */
	Optional<LineView> find(Msisdn msisdn);

}
