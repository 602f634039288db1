package io.keepline.contracts.deadline;

import java.time.LocalDate;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.keepline.contracts.CycleId;
import io.keepline.contracts.KeeplineEvent;
import io.keepline.contracts.Msisdn;
import io.keepline.contracts.OperatorId;

/**
 * A decision of the scheduler about one renewal cycle. Topic {@code deadline-events},
 * keyed by msisdn.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
@JsonSubTypes({ @JsonSubTypes.Type(value = ReminderDue.class, name = "ReminderDue"),
		@JsonSubTypes.Type(value = AutoRenewalDue.class, name = "AutoRenewalDue"),
		@JsonSubTypes.Type(value = RenewalConfirmed.class, name = "RenewalConfirmed"),
		@JsonSubTypes.Type(value = LineLapsed.class, name = "LineLapsed"),
		@JsonSubTypes.Type(value = LapseNoticeDue.class, name = "LapseNoticeDue"),
		@JsonSubTypes.Type(value = RefundDue.class, name = "RefundDue") })
public sealed interface DeadlineEvent extends KeeplineEvent
		permits ReminderDue, AutoRenewalDue, RenewalConfirmed, LineLapsed, LapseNoticeDue, RefundDue {

	Msisdn msisdn();

	OperatorId operator();

	/** The validity date this cycle renews. */
	LocalDate validUntil();

	default CycleId cycle() {
		return new CycleId(msisdn(), validUntil());
	}

}
