package io.keepline.contracts.notice;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.keepline.contracts.FieldError;
import io.keepline.contracts.InvalidValueException;
import io.keepline.contracts.Msisdn;
import io.keepline.contracts.OperatorId;
import io.keepline.contracts.rejected.IngestSource;

/**
 * One of the operator's events was refused: where it came in ({@code source},
 * {@code location}: batch index, CSV line or topic-partition-offset), the event id it
 * carried, and every field at fault with its reason. Never the payload itself.
 */
public record ItemRejected(UUID noticeId, Instant occurredAt, OperatorId operator, IngestSource source, String location,
		String originalEventId, List<FieldError> errors) implements OperatorNotice {

	public ItemRejected {
		InvalidValueException.require(noticeId, "noticeId");
		InvalidValueException.require(occurredAt, "occurredAt");
		InvalidValueException.require(operator, "operator");
		InvalidValueException.require(source, "source");
		errors = List.copyOf(InvalidValueException.require(errors, "errors"));
	}

	@Override
	@JsonIgnore
	public Msisdn msisdn() {
		return null;
	}

}
