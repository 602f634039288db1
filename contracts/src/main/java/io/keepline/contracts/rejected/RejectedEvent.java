package io.keepline.contracts.rejected;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.keepline.contracts.KeeplineEvent;
import io.keepline.contracts.OperatorId;

/**
 * Input that ingest refused, returned to the operator integration that sent it. Topic
 * {@code rejected-events}, keyed by operator.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
@JsonSubTypes({ @JsonSubTypes.Type(value = EventRejected.class, name = "EventRejected") })
public sealed interface RejectedEvent extends KeeplineEvent permits EventRejected {

	OperatorId operator();

}
