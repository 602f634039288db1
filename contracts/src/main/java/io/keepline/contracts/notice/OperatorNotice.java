package io.keepline.contracts.notice;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.keepline.contracts.KeeplineEvent;
import io.keepline.contracts.Msisdn;
import io.keepline.contracts.OperatorId;

/**
 * What an operator must act on or may want to know, on that operator's own topic
 * ({@code keepline.operator-notices.<operator>.v1}, keyed by msisdn) and webhook. A
 * notice carries a number and money only, never the holder's contact, and a
 * {@code noticeId} derived from the event it stands for, so that a replay gives the same
 * id and a receiver can drop a duplicate.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
@JsonSubTypes({ @JsonSubTypes.Type(value = RenewalPaid.class, name = "RenewalPaid"),
		@JsonSubTypes.Type(value = RenewalNotApplied.class, name = "RenewalNotApplied"),
		@JsonSubTypes.Type(value = ValidityLapsed.class, name = "ValidityLapsed"),
		@JsonSubTypes.Type(value = RefundIssued.class, name = "RefundIssued"),
		@JsonSubTypes.Type(value = ErasureCompleted.class, name = "ErasureCompleted"),
		@JsonSubTypes.Type(value = ItemRejected.class, name = "ItemRejected"),
		@JsonSubTypes.Type(value = HolderUnreachable.class, name = "HolderUnreachable"),
		@JsonSubTypes.Type(value = TopUpReportedByHolder.class, name = "TopUpReportedByHolder") })
public sealed interface OperatorNotice extends KeeplineEvent permits RenewalPaid, RenewalNotApplied, ValidityLapsed,
		RefundIssued, ErasureCompleted, ItemRejected, HolderUnreachable, TopUpReportedByHolder {

	/** Stable across replays: the same source event always gives the same id. */
	UUID noticeId();

	OperatorId operator();

	/** The line the notice is about; null for a rejected item, which may name none. */
	Msisdn msisdn();

	@Override
	@JsonIgnore
	default UUID eventId() {
		return noticeId();
	}

	/**
	 * The id of the notice of kind {@code kind} that stands for the event
	 * {@code sourceEventId}.
	 */
	static UUID idFor(String kind, UUID sourceEventId) {
		return UUID.nameUUIDFromBytes(
				("keepline-operator-notice:" + kind + ":" + sourceEventId).getBytes(StandardCharsets.UTF_8));
	}

}
