package io.keepline.support.outbound;

/**
 * An outbound call that did not get an answer, with the reason as a short code: the
 * caller decides what to retry ({@link #retryable()}).
 */
public final class OutboundException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final Reason reason;

	OutboundException(Reason reason, String message, Throwable cause) {
		super(message, cause);
		this.reason = reason;
	}

	public Reason reason() {
		return this.reason;
	}

	/** Whether the same call may succeed later. */
	public boolean retryable() {
		return this.reason.retryable;
	}

	/** Why a call failed. */
	public enum Reason {

		/** The URL or the address it resolves to may not be called (never retried). */
		REFUSED("address_refused", false),
		/**
		 * The host is at its limit of calls in flight, or cooling down after a slow call.
		 */
		BUSY("host_busy", true),
		/** No complete answer within the deadline. */
		DEADLINE("deadline", true),
		/** No connection, or the connection broke. */
		UNREACHABLE("unreachable", true),
		/** The answer is larger than the response-size cap. */
		TOO_LARGE("response_too_large", false);

		private final String code;

		private final boolean retryable;

		Reason(String code, boolean retryable) {
			this.code = code;
			this.retryable = retryable;
		}

		public String code() {
			return this.code;
		}

	}

}
