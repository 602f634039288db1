package io.keepline.scheduler.deadline;

/**
 * What a due-index entry fires: each kind has a one-byte code in the index key and a
 * one-letter marker in a cycle's list of what is done.
 */
public enum DueKind {

	/** A reminder stage (stage = lead days). */
	REMINDER((byte) 1, "R"),

	/** The reminder following a failed automatic charge (stage = attempt). */
	FAILURE_REMINDER((byte) 2, "F"),

	/** An automatic charge attempt (stage = attempt). */
	AUTO_RENEWAL((byte) 3, "A"),

	/** The end of the validUntil day (stage = 0). */
	LAPSE((byte) 4, "L");

	private final byte code;

	private final String marker;

	DueKind(byte code, String marker) {
		this.code = code;
		this.marker = marker;
	}

	public byte code() {
		return this.code;
	}

	/** The marker of stage {@code stage} of this kind, such as {@code R7}. */
	public String marker(int stage) {
		return this.marker + stage;
	}

	public static DueKind ofCode(byte code) {
		for (DueKind kind : values()) {
			if (kind.code == code) {
				return kind;
			}
		}
		throw new IllegalArgumentException("unknown due kind " + code);
	}

}
