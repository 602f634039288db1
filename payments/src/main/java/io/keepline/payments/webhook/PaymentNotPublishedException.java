package io.keepline.payments.webhook;

/**
 * Kafka did not acknowledge a payment event in time.
 */
public class PaymentNotPublishedException extends RuntimeException {

	public PaymentNotPublishedException(String message, Throwable cause) {
		super(message, cause);
	}

}
