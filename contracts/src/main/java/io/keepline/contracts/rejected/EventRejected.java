package io.keepline.contracts.rejected;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.keepline.contracts.FieldError;
import io.keepline.contracts.InvalidValueException;
import io.keepline.contracts.OperatorId;

/**
 * One operator event failed validation: every problem found, where it came from
 * ({@code location}: batch index, CSV line or topic-partition-offset) and the original
 * payload as received.
 */
public record EventRejected(UUID eventId, Instant occurredAt, OperatorId operator, IngestSource source, String location,
		String originalEventId, List<FieldError> errors, String payload) implements RejectedEvent {

	public EventRejected {
		InvalidValueException.require(eventId, "eventId");
		InvalidValueException.require(occurredAt, "occurredAt");
		InvalidValueException.require(operator, "operator");
		InvalidValueException.require(source, "source");
		errors = List.copyOf(InvalidValueException.require(errors, "errors"));
	}

}
