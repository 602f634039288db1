package io.keepline.contracts.linekey;

/**
 * A sealed value did not open with its key: altered, or moved from another line, field or
 * key. Never a normal outcome; a shredded key is not this (the contact is then unknown).
 */
public class SealBrokenException extends RuntimeException {

	public SealBrokenException(String field, Throwable cause) {
		super("The sealed " + field + " does not open with its line key (altered, or sealed for another line)", cause);
	}

}
