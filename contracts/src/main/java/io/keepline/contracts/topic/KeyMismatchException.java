package io.keepline.contracts.topic;

import io.keepline.contracts.Msisdn;

/**
 * A record of an msisdn-keyed topic whose key is not the msisdn of its event (or that has
 * no key). It sits in another line's partition, out of order with its own line's events,
 * and would be applied to another line's state, so consumers refuse it and dead-letter it
 * like a record they cannot read. The message shows both numbers masked.
 */
public final class KeyMismatchException extends RuntimeException {

	private KeyMismatchException(Msisdn key, Msisdn msisdn) {
		super("record keyed " + key + " carries an event of " + msisdn);
	}

	/**
	 * Checks that a record is keyed by its event's msisdn.
	 * @param key the record's key, null if it has none
	 * @param msisdn the msisdn of the record's event
	 * @throws KeyMismatchException if they differ
	 */
	public static void check(Msisdn key, Msisdn msisdn) {
		if (key == null || !key.equals(msisdn)) {
			throw new KeyMismatchException(key, msisdn);
		}
	}

}
