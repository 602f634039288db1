package io.keepline.contracts.deadline;

import java.time.LocalDate;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.keepline.contracts.InvalidValueException;

/**
 * The automatic charge planned for a cycle: the date the saved card will be charged on.
 * The card itself is the line record's (the {@code paymentMethod} of events written
 * before issue 16 is ignored).
 */
@JsonIgnoreProperties({ "paymentMethod" })
public record PlannedCharge(LocalDate chargeOn) {

	public PlannedCharge {
		InvalidValueException.require(chargeOn, "chargeOn");
	}

}
