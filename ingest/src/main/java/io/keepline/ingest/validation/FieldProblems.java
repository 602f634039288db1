package io.keepline.ingest.validation;

import java.util.ArrayList;
import java.util.List;

import io.keepline.contracts.FieldError;

/**
 * The problems found in one item so far, each a field path and a reason code.
 */
final class FieldProblems {

	private final List<FieldError> errors = new ArrayList<>(4);

	void add(String field, String reason) {
		this.errors.add(new FieldError(field, reason));
	}

	int size() {
		return this.errors.size();
	}

	boolean isEmpty() {
		return this.errors.isEmpty();
	}

	List<FieldError> list() {
		return List.copyOf(this.errors);
	}

}
