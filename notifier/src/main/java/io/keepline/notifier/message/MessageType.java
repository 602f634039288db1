package io.keepline.notifier.message;

/**
 * The kinds of message Keepline sends; each has one template file per format (HTML and
 * plain text under {@code src/main/jte}) and its texts in the message bundles.
 */
public enum MessageType {

	/** A reminder stage fell due; its tone rises as the deadline nears. */
	REMINDER("reminder"),

	/** The saved card will be charged automatically on a given date. */
	UPCOMING_CHARGE("upcoming-charge"),

	/** The saved card expires before the planned automatic charge. */
	UPDATE_CARD("update-card"),

	/** An automatic charge failed: what happened, and a pay link. */
	PAYMENT_FAILED("payment-failed"),

	/** The validity passed unpaid: the number can be recycled. */
	LINE_LAPSED("line-lapsed"),

	/** The cycle is paid: a receipt. */
	RENEWAL_RECEIPT("renewal-receipt"),

	/** The one-time code the holder asked for before saving or changing a card. */
	CARD_CODE("card-code"),

	/** A payment was refunded: how much, and why. */
	PAYMENT_REFUNDED("payment-refunded"),

	/**
	 * A payment the holder started from a pay link (card, Bancontact, SEPA) failed: why,
	 * and a fresh pay link.
	 */
	CHECKOUT_FAILED("checkout-failed"),

	/**
	 * A payment is being processed (a SEPA debit settles within days): nothing to do, the
	 * renewal is confirmed when it settles.
	 */
	PAYMENT_PROCESSING("payment-processing");

	private final String code;

	MessageType(String code) {
		this.code = code;
	}

	/** The template and bundle key prefix, such as {@code upcoming-charge}. */
	public String code() {
		return this.code;
	}

	/**
	 * Whether a message of this type is about one payment, and so is sent once per
	 * payment rather than once per cycle.
	 */
	public boolean aboutOnePayment() {
		return this == PAYMENT_REFUNDED || this == CHECKOUT_FAILED || this == PAYMENT_PROCESSING;
	}

	/** The JTE template file of this type. */
	String templateFile() {
		return this.code + ".jte";
	}

}
