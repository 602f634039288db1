package io.keepline.payments.webhook;

/**
 * A correctly signed Stripe event whose content cannot be understood.
 */
public class UnreadableEventException extends RuntimeException {

	public UnreadableEventException(String message, Throwable cause) {
		super(message, cause);
	}

}
