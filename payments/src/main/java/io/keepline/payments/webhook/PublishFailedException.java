package io.keepline.payments.webhook;

/**
 * Kafka did not acknowledge a payment event in time.
 */
public class PublishFailedException extends RuntimeException {

	public PublishFailedException(String message, Throwable cause) {
		super(message, cause);
	}

}
