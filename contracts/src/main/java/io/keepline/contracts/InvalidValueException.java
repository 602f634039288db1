package io.keepline.contracts;

/**
 * A value that breaks a contract rule, with a stable machine-readable reason code and,
 * where known, the field it belongs to.
 */
public class InvalidValueException extends IllegalArgumentException {

	private final String field;

	private final String reason;

	public InvalidValueException(String reason, String message) {
		this(null, reason, message);
	}

	public InvalidValueException(String field, String reason, String message) {
		super(message);
		this.field = field;
		this.reason = reason;
	}

	/**
	 * The field the value belongs to, relative to the object being built, or {@code null}
	 * when unknown.
	 */
	public String field() {
		return this.field;
	}

	/** A stable reason code such as {@code required} or {@code invalid_msisdn}. */
	public String reason() {
		return this.reason;
	}

	/** Fails with reason {@code required} when {@code value} is null. */
	public static <T> T require(T value, String field) {
		if (value == null) {
			throw new InvalidValueException(field, "required", field + " is required");
		}
		return value;
	}

}
