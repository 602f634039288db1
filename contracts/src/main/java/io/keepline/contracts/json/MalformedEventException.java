package io.keepline.contracts.json;

import io.keepline.contracts.FieldError;

/**
 * JSON that does not match the wire format, naming the first field at fault and why. The
 * message never repeats the offending value, so it is safe to log.
 */
public class MalformedEventException extends RuntimeException {

	private final FieldError error;

	public MalformedEventException(FieldError error, Throwable cause) {
		super(error.field() + ": " + error.reason(), cause);
		this.error = error;
	}

	public FieldError error() {
		return this.error;
	}

}
