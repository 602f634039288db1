package io.keepline.notifier.delivery;

/**
 * The provider could not take the message now (down, 5xx, timeout, rate limit): the event
 * is retried later with backoff.
 */
public class TransientDeliveryException extends DeliveryException {

	public TransientDeliveryException(String reason, String message, Throwable cause) {
		super(reason, message, cause);
	}

	public TransientDeliveryException(String reason, String message) {
		this(reason, message, null);
	}

}
