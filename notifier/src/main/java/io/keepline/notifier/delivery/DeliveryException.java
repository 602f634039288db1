package io.keepline.notifier.delivery;

/**
 * A channel did not accept a message. {@code reason} is a short code safe to publish and
 * log (no address, no message body).
 */
public abstract class DeliveryException extends RuntimeException {

	private final String reason;

	protected DeliveryException(String reason, String message, Throwable cause) {
		super(message, cause);
		this.reason = reason;
	}

	public String reason() {
		return this.reason;
	}

}
