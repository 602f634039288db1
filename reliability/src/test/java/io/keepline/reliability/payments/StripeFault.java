package io.keepline.reliability.payments;

/**
 * A failure the Stripe stand-in injects into one request.
 */
enum StripeFault {

	/** HTTP 500 before the request reached the API: nothing was done. */
	SERVER_ERROR,

	/**
	 * The request is carried out (the charge is made) but the answer comes after the
	 * client's read timeout, so the client never learns it succeeded.
	 */
	LATE_ANSWER,

	/**
	 * The request is carried out, then the connection is reset instead of answering.
	 */
	CONNECTION_RESET

}
