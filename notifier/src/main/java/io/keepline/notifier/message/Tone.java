package io.keepline.notifier.message;

/**
 * How insistent a reminder is: informational well ahead, firm a week ahead, urgent in the
 * last days.
 */
public enum Tone {

	INFORMATIONAL("informational"), FIRM("firm"), URGENT("urgent");

	/** Stages of at least this many days before the deadline are informational. */
	static final int INFORMATIONAL_FROM_DAYS = 8;

	/** Stages of at least this many days (and fewer than informational) are firm. */
	static final int FIRM_FROM_DAYS = 3;

	private final String code;

	Tone(String code) {
		this.code = code;
	}

	public String code() {
		return this.code;
	}

	/**
	 * The tone of a reminder {@code stage} days ahead: 30 (or 14, 10…) informational, 7
	 * to 3 firm, 2 or fewer urgent, so custom lead days land sensibly.
	 */
	public static Tone forStage(int stage) {
		if (stage >= INFORMATIONAL_FROM_DAYS) {
			return INFORMATIONAL;
		}
		return (stage >= FIRM_FROM_DAYS) ? FIRM : URGENT;
	}

}
