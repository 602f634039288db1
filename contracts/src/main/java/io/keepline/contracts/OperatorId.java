package io.keepline.contracts;

import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The id of an operator integration, such as {@code orange}: lower-case letters, digits
 * and dashes.
 */
public record OperatorId(String value) {

	private static final Pattern SHAPE = Pattern.compile("[a-z][a-z0-9-]{1,31}");

	public OperatorId {
		InvalidValueException.require(value, "operator");
		if (!SHAPE.matcher(value).matches()) {
			throw new InvalidValueException("invalid_operator",
					"operator ids are 2 to 32 lower-case letters, digits or dashes");
		}
	}

	@JsonCreator
	public static OperatorId of(String value) {
		return new OperatorId(value);
	}

	@JsonValue
	@Override
	public String value() {
		return this.value;
	}

	@Override
	public String toString() {
		return this.value;
	}

}
