package io.keepline.notifier.delivery;

import java.util.Optional;

import io.keepline.contracts.Msisdn;
import io.keepline.contracts.linerecord.LineRecord;

/**
 * Where the {@link Notifier} reads a line's current record at send time; the Kafka
 * adapter reads the notifier's table of the line records, a test passes a map.
 */
public interface LineLookup {

	/**
	 * The line's current record, empty if there is none (not read yet, or erased).
	 * @throws TransientDeliveryException if the records cannot be read now
	 */
	Optional<LineRecord> find(Msisdn msisdn);

	/**
	 * Whether the line's record was deleted (the line was erased) lately, which tells an
	 * erased line apart from one whose record has not been read yet.
	 */
	boolean erased(Msisdn msisdn);

}
