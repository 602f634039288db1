package io.keepline.contracts.linerecord;

import java.time.LocalDate;
import java.time.YearMonth;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.keepline.contracts.InvalidValueException;

/**
 * The card the holder saved for automatic renewal, as the holder sees it: the Stripe
 * references to charge it stay inside the scheduler and payments' events.
 * {@code expMonth} 0 means the expiry is unknown.
 */
public record SavedMethod(String brand, String last4, int expMonth, int expYear) {

	public SavedMethod {
		InvalidValueException.require(brand, "brand");
		InvalidValueException.require(last4, "last4");
	}

	@JsonIgnore
	public YearMonth expiry() {
		return YearMonth.of(this.expYear, this.expMonth);
	}

	/** Whether the card has expired by {@code date}; unknown expiry never expires. */
	public boolean expiredOn(LocalDate date) {
		return this.expMonth >= 1 && this.expMonth <= 12 && YearMonth.from(date).isAfter(expiry());
	}

	@Override
	public String toString() {
		return "SavedMethod[" + this.brand + "]";
	}

}
