package io.keepline.standalone.console;

/** The state a line card shows, derived from the events seen. */
public enum CardState {

	UNKNOWN("unknown"), WATCHED("watched"), REMINDED("reminded"), AUTO_RENEWING("auto-renewing"), PAID("paid"),
	PAYMENT_FAILED("payment failed"), RENEWED("renewed"), LAPSED("lapsed"), CANCELLED("cancelled"), ERASED("erased");

	private final String label;

	CardState(String label) {
		this.label = label;
	}

	public String label() {
		return this.label;
	}

	/** Whether nothing more happens to the line's current cycle. */
	public boolean isFinal() {
		return this == LAPSED || this == CANCELLED || this == ERASED;
	}

}
