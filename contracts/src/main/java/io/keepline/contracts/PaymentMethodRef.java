package io.keepline.contracts;

import java.time.LocalDate;
import java.time.YearMonth;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * A payment method saved at Stripe for automatic renewal: the references needed to charge
 * it and what a holder recognises it by.
 */
public record PaymentMethodRef(String customerId, String paymentMethodId, String brand, String last4, int expMonth,
		int expYear) {

	public PaymentMethodRef {
		InvalidValueException.require(customerId, "customerId");
		InvalidValueException.require(paymentMethodId, "paymentMethodId");
	}

	/** The last month the method can be charged in. */
	@JsonIgnore
	public YearMonth expiry() {
		return YearMonth.of(this.expYear, this.expMonth);
	}

	/**
	 * The Stripe references alone, without what identifies the card to a person (brand,
	 * last4, expiry): what an event that only has to charge the method carries.
	 */
	public PaymentMethodRef withoutCard() {
		return new PaymentMethodRef(this.customerId, this.paymentMethodId, null, null, 0, 0);
	}

	/**
	 * Whether the card is known: false for {@link #withoutCard()}, and for a card read
	 * sealed on payment-events without its line key.
	 */
	@JsonIgnore
	public boolean cardKnown() {
		return this.brand != null || this.last4 != null || this.expMonth != 0;
	}

	/** Whether the method can no longer be charged on {@code date}. */
	public boolean expiredOn(LocalDate date) {
		return this.expMonth >= 1 && this.expMonth <= 12 && YearMonth.from(date).isAfter(expiry());
	}

}
