package io.keepline.scheduler.deadline;

import com.fasterxml.jackson.annotation.JsonCreator;

/**
 * One thing a renewal cycle has behind it: a deadline that fired (its kind and stage), a
 * reminder stage skipped because it passed before it could be sent, or the confirmation
 * of the payment. States stored before milestones were typed hold them as short codes
 * ({@code R7}, {@code X7}, {@code C}, {@code L0}); they read back as the same milestones.
 *
 * @param kind what the milestone is
 * @param stage the reminder's lead days or the charge attempt; 0 for a lapse or a
 * confirmation
 * @param skipped whether the reminder stage was skipped rather than sent
 */
public record Milestone(Kind kind, int stage, boolean skipped) {

	/** The cycle's confirmation: it was paid. */
	public static final Milestone CONFIRMED = new Milestone(Kind.CONFIRMATION, 0, false);

	/** What a milestone is, with the letter of its short code. */
	public enum Kind {

		/** A reminder stage (stage = lead days). */
		REMINDER("R"),

		/** The reminder following a failed automatic charge (stage = attempt). */
		FAILURE_REMINDER("F"),

		/** An automatic charge attempt (stage = attempt). */
		AUTO_RENEWAL("A"),

		/** The end of the validUntil day. */
		LAPSE("L"),

		/** The holder was told of the lapse, in their send window. */
		LAPSE_NOTICE("N"),

		/**
		 * The holder's lapse message was held because a payment was being processed at
		 * the lapse: it is planned if that payment fails, never if it succeeds.
		 */
		LAPSE_NOTICE_HELD("H"),

		/** The payment of the cycle, confirmed. */
		CONFIRMATION("C");

		private final String letter;

		Kind(String letter) {
			this.letter = letter;
		}

	}

	/** The letter of a skipped reminder stage's code. */
	private static final String SKIPPED = "X";

	@JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
	public Milestone {
		if (kind == null) {
			throw new IllegalArgumentException("a milestone needs a kind");
		}
		if (skipped && kind != Kind.REMINDER) {
			throw new IllegalArgumentException("only a reminder stage is skipped, not " + kind);
		}
	}

	/** The deadline of {@code kind} and {@code stage} has fired. */
	public static Milestone fired(DueKind kind, int stage) {
		return new Milestone(switch (kind) {
			case REMINDER -> Kind.REMINDER;
			case FAILURE_REMINDER -> Kind.FAILURE_REMINDER;
			case AUTO_RENEWAL -> Kind.AUTO_RENEWAL;
			case LAPSE -> Kind.LAPSE;
			case LAPSE_NOTICE -> Kind.LAPSE_NOTICE;
		}, stage, false);
	}

	/** The holder's lapse message, held while a payment is processed. */
	public static final Milestone LAPSE_NOTICE_HELD = new Milestone(Kind.LAPSE_NOTICE_HELD, 0, false);

	/** The reminder of {@code stage} lead days was skipped. */
	public static Milestone skippedReminder(int stage) {
		return new Milestone(Kind.REMINDER, stage, true);
	}

	/**
	 * A milestone from its short code, as states stored before milestones were typed hold
	 * them.
	 * @throws IllegalArgumentException if {@code code} is not a milestone's code
	 */
	@JsonCreator(mode = JsonCreator.Mode.DELEGATING)
	public static Milestone ofCode(String code) {
		if (code == null || code.isEmpty()) {
			throw new IllegalArgumentException("empty milestone code");
		}
		String letter = code.substring(0, 1);
		int stage = stage(code);
		if (letter.equals(SKIPPED)) {
			return skippedReminder(stage);
		}
		for (Kind kind : Kind.values()) {
			if (kind.letter.equals(letter)) {
				return new Milestone(kind, stage, false);
			}
		}
		throw new IllegalArgumentException("unknown milestone code " + code);
	}

	/**
	 * The short code ({@code R7}, {@code X7}, {@code C}, {@code L0}), as history lines
	 * and logs write it.
	 */
	public String code() {
		if (this.skipped) {
			return SKIPPED + this.stage;
		}
		return (this.kind == Kind.CONFIRMATION) ? this.kind.letter : this.kind.letter + this.stage;
	}

	private static int stage(String code) {
		if (code.length() == 1) {
			return 0;
		}
		try {
			return Integer.parseInt(code.substring(1));
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException("unknown milestone code " + code, ex);
		}
	}

}
