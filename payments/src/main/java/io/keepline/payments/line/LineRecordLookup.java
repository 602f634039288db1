package io.keepline.payments.line;

import java.util.Optional;

import io.keepline.contracts.Msisdn;
import io.keepline.contracts.linerecord.LineRecord;

/**
 * Finds a line's current record (the scheduler's {@code keepline.lines.v1}); a lambda in
 * tests and benchmarks.
 */
@FunctionalInterface
public interface LineRecordLookup {

	/**
	 * The line's record, empty when there is none (never registered, or erased);
	 * {@link ViewUnavailableException} while the table cannot be read.
	 */
	Optional<LineRecord> find(Msisdn msisdn);

}
