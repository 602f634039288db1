package io.keepline.notifier.delivery;

/**
 * The provider refused the message for good (invalid address, 4xx): not retried, the next
 * channel is tried.
 */
public class PermanentDeliveryException extends DeliveryException {

	public PermanentDeliveryException(String reason, String message, Throwable cause) {
		super(reason, message, cause);
	}

	public PermanentDeliveryException(String reason, String message) {
		this(reason, message, null);
	}

}
