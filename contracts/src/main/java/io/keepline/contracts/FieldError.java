package io.keepline.contracts;

/**
 * One problem with an input: the field (a dotted path such as {@code holder.email}) and a
 * stable reason code.
 */
public record FieldError(String field, String reason) {

	public FieldError {
		InvalidValueException.require(field, "field");
		InvalidValueException.require(reason, "reason");
	}

}
