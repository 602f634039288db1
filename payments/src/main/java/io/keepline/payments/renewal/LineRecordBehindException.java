package io.keepline.payments.renewal;

/**
 * An automatic renewal names a cycle the line record has not reached yet: payments'
 * record table lags behind deadline-events. Retried by the consumer, then dead-lettered
 * uncharged.
 */
class LineRecordBehindException extends RuntimeException {

	LineRecordBehindException(String message) {
		super(message);
	}

}
