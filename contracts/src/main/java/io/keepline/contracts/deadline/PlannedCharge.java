package io.keepline.contracts.deadline;

import java.time.LocalDate;

import io.keepline.contracts.InvalidValueException;
import io.keepline.contracts.PaymentMethodRef;

/**
 * The automatic charge planned for a cycle: the saved method and the date it will be
 * charged on.
 */
public record PlannedCharge(PaymentMethodRef paymentMethod, LocalDate chargeOn) {

	public PlannedCharge {
		InvalidValueException.require(paymentMethod, "paymentMethod");
		InvalidValueException.require(chargeOn, "chargeOn");
	}

	/** Whether the saved method expires before it can be charged. */
	public boolean methodExpiresFirst() {
		return this.paymentMethod.expiredOn(this.chargeOn);
	}

}
