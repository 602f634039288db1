package io.keepline.ingest.validation;

/**
 * Line ownership cannot be told right now, so no item can be validated: the caller should
 * refuse the whole batch and let the sender retry.
 */
public class OwnersUnavailableException extends RuntimeException {

	public OwnersUnavailableException(String message) {
		super(message);
	}

}
