package io.keepline.ingest.validation;

import java.util.List;

import io.keepline.contracts.FieldError;
import io.keepline.contracts.line.LineEvent;

/**
 * The verdict on one operator item: the event it stands for when valid, otherwise every
 * problem found. {@code eventId} is the item's own id as sent, when it had a textual one.
 */
public record Validation(LineEvent event, String eventId, List<FieldError> errors) {

	public Validation {
		errors = List.copyOf(errors);
	}

	public static Validation rejected(String eventId, List<FieldError> errors) {
		return new Validation(null, eventId, errors);
	}

	public boolean isAccepted() {
		return this.event != null;
	}

}
