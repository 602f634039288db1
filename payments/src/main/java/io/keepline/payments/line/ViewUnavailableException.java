package io.keepline.payments.line;

/**
 * The line records or payment histories cannot be read right now (starting or restoring):
 * try again shortly.
 */
public class ViewUnavailableException extends RuntimeException {

	public ViewUnavailableException(String message, Throwable cause) {
		super(message, cause);
	}

}
