package io.keepline.contracts.link;

/**
 * What a signed link lets its bearer do. A link signed for one purpose is refused for any
 * other.
 */
public enum LinkPurpose {

	/** Pay the cycle: payments {@code /pay/{token}}. */
	PAY("pay"),

	/** See the line's status page: payments {@code /status/{token}}. */
	STATUS("status"),

	/**
	 * Save a payment method for automatic renewal: payments {@code /autorenew/{token}}.
	 */
	AUTORENEW("autorenew"),

	/**
	 * Stop the emails of the line (RFC 8058 one-click unsubscribe): notifier
	 * {@code /unsubscribe/{token}}.
	 */
	UNSUBSCRIBE("unsubscribe"),

	/**
	 * Choose the channels and language of the line's messages: notifier
	 * {@code /preferences/{token}} (its code starts apart from {@code pay}).
	 */
	PREFERENCES("choices");

	private final String code;

	LinkPurpose(String code) {
		this.code = code;
	}

	public String code() {
		return this.code;
	}

	/** The purpose whose code starts with {@code initial} (each starts differently). */
	static LinkPurpose fromInitial(char initial) {
		for (LinkPurpose purpose : values()) {
			if (purpose.code.charAt(0) == initial) {
				return purpose;
			}
		}
		return null;
	}

}
