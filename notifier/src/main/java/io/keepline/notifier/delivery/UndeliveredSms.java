package io.keepline.notifier.delivery;

/**
 * The SMS provider's report that a message it had accepted was not delivered: the
 * notification fails for good on SMS and goes to the holder's next channel.
 */
public interface UndeliveredSms {

	/**
	 * Fails the SMS the provider knows as {@code messageId} (once) and hands its notice
	 * to the next channel (again when reported again: a notice some channel delivered is
	 * not sent twice).
	 * @param messageId the provider's message id, as the send answered it
	 * @param status the provider's final status ({@code undelivered}, {@code failed})
	 * @param errorCode the provider's error code, or null
	 */
	Outcome report(String messageId, String status, String errorCode);

	/** What became of a report. */
	enum Outcome {

		/** Failed on SMS, its record handed to the next channel. */
		HANDED_ON,

		/**
		 * No SMS of ours under that id (not sent by a deadline notice, or older than the
		 * lookup keeps).
		 */
		UNKNOWN,

		/** Failed on SMS, but the next channel could not be reached now. */
		NOT_HANDED_ON

	}

}
