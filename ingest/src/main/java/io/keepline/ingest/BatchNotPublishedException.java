package io.keepline.ingest;

/**
 * Kafka could not take a batch: nothing of it was committed, and the caller should retry
 * later.
 */
public class BatchNotPublishedException extends RuntimeException {

	public BatchNotPublishedException(String message, Throwable cause) {
		super(message, cause);
	}

}
