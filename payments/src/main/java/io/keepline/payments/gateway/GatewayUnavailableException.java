package io.keepline.payments.gateway;

/**
 * Stripe could not be reached or failed on its side (5xx, timeouts) after the client's
 * own retries. {@code answered} when Stripe answered with a 5xx: it then saved that
 * answer under the request's idempotency key for 24 hours, and only another key can try
 * again.
 */
public class GatewayUnavailableException extends RuntimeException {

	private final boolean answered;

	public GatewayUnavailableException(String message, Throwable cause) {
		this(message, cause, false);
	}

	public GatewayUnavailableException(String message, Throwable cause, boolean answered) {
		super(message, cause);
		this.answered = answered;
	}

	/** Whether Stripe answered (a 5xx it keeps under the idempotency key). */
	public boolean answered() {
		return this.answered;
	}

}
