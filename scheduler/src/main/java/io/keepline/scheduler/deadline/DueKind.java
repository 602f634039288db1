package io.keepline.scheduler.deadline;

/**
 * What a due-index entry fires; each kind has a one-byte code in the index key.
 */
public enum DueKind {

	/** A reminder stage (stage = lead days). */
	REMINDER((byte) 1),

	/** The reminder following a failed automatic charge (stage = attempt). */
	FAILURE_REMINDER((byte) 2),

	/** An automatic charge attempt (stage = attempt). */
	AUTO_RENEWAL((byte) 3),

	/** The end of the validUntil day (stage = 0). */
	LAPSE((byte) 4),

	/**
	 * The holder's lapse message: when their send window next opens after the lapse
	 * (stage = 0).
	 */
	LAPSE_NOTICE((byte) 5);

	private final byte code;

	DueKind(byte code) {
		this.code = code;
	}

	public byte code() {
		return this.code;
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
