package io.keepline.payments.line;

/**
 * The line view cannot be read right now (starting, restoring or rebalancing): try again
 * shortly.
 */
public class ViewUnavailableException extends RuntimeException {

	public ViewUnavailableException(String message, Throwable cause) {
		super(message, cause);
	}

}
