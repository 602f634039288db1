package io.keepline.ingest.notice.webhook;

/** The operator's webhook did not accept a notice (no 2xx in time); it is retried. */
public class NoticeNotDeliveredException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	public NoticeNotDeliveredException(String message, Throwable cause) {
		super(message, cause);
	}

}
