package io.keepline.payments.gateway;

/**
 * Stripe could not be reached or failed on its side (5xx, timeouts) after the client's
 * own retries: try again later with the same idempotency key.
 */
public class GatewayUnavailableException extends RuntimeException {

	public GatewayUnavailableException(String message, Throwable cause) {
		super(message, cause);
	}

}
