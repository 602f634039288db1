package io.keepline.contracts.line;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.keepline.contracts.Holder;
import io.keepline.contracts.InvalidValueException;
import io.keepline.contracts.Msisdn;
import io.keepline.contracts.OperatorId;

/**
 * The holder's contact, language, time zone, lead days or auto-renew choice changed. A
 * null field means unchanged.
 */
public record HolderUpdated(UUID eventId, Instant occurredAt, Msisdn msisdn, OperatorId operator, Holder holder,
		List<Integer> leadDays, Boolean autoRenew) implements LineEvent {

	public HolderUpdated {
		InvalidValueException.require(eventId, "eventId");
		InvalidValueException.require(msisdn, "msisdn");
		InvalidValueException.require(operator, "operator");
		leadDays = (leadDays != null) ? List.copyOf(leadDays) : null;
	}

	@Override
	public HolderUpdated receivedAt(Instant instant) {
		return (this.occurredAt != null) ? this : new HolderUpdated(this.eventId, instant, this.msisdn, this.operator,
				this.holder, this.leadDays, this.autoRenew);
	}

}
