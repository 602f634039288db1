package io.keepline.contracts.line;

import io.keepline.contracts.InvalidValueException;
import io.keepline.contracts.OperatorId;

/**
 * Which operator a line belongs to: the operator whose {@code LineRegistered} was
 * accepted for it, and whether that operator has since released it by cancelling the
 * line. No owner at all (a line never registered, or erased) is {@code null}; see
 * {@link LineOwnership}.
 */
public record LineOwner(OperatorId operator, boolean released) {

	public LineOwner {
		InvalidValueException.require(operator, "operator");
	}

	/** The line, owned by {@code operator}. */
	public static LineOwner of(OperatorId operator) {
		return new LineOwner(operator, false);
	}

	/** This owner, having cancelled the line. */
	public LineOwner release() {
		return new LineOwner(this.operator, true);
	}

}
