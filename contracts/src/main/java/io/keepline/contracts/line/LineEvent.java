package io.keepline.contracts.line;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.keepline.contracts.KeeplineEvent;
import io.keepline.contracts.Msisdn;
import io.keepline.contracts.OperatorId;

/**
 * A fact about a line's lifecycle, published by an operator integration and validated by
 * ingest, or a request ingest's operator API writes for the line's operator
 * ({@link ReminderResendRequested}). Topic {@code line-events}, keyed by msisdn.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
@JsonSubTypes({ @JsonSubTypes.Type(value = LineRegistered.class, name = "LineRegistered"),
		@JsonSubTypes.Type(value = ValidityExtended.class, name = "ValidityExtended"),
		@JsonSubTypes.Type(value = HolderUpdated.class, name = "HolderUpdated"),
		@JsonSubTypes.Type(value = LineCancelled.class, name = "LineCancelled"),
		@JsonSubTypes.Type(value = LineErased.class, name = "LineErased"),
		@JsonSubTypes.Type(value = ReminderResendRequested.class, name = "ReminderResendRequested") })
public sealed interface LineEvent extends KeeplineEvent
		permits LineRegistered, ValidityExtended, HolderUpdated, LineCancelled, LineErased, ReminderResendRequested {

	Msisdn msisdn();

	OperatorId operator();

	/**
	 * This event stamped with the instant ingest received it, when the operator did not
	 * say when it happened.
	 */
	LineEvent receivedAt(Instant instant);

}
