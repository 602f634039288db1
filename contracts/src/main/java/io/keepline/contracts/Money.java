package io.keepline.contracts;

import java.math.BigDecimal;
import java.util.Currency;

/**
 * A positive amount in the minor unit of an ISO 4217 currency: {@code {"amountCents":
 * 1500, "currency": "EUR"}}.
 */
public record Money(long amountCents, Currency currency) {

	public Money {
		InvalidValueException.require(currency, "currency");
		if (amountCents <= 0) {
			throw new InvalidValueException("amountCents", "not_positive", "amountCents must be positive");
		}
	}

	public static Money of(long amountCents, String currencyCode) {
		return new Money(amountCents, Currency.getInstance(currencyCode));
	}

	/** The amount in the currency's major unit, such as 15.00 for 1500 cents of EUR. */
	public BigDecimal decimalAmount() {
		return BigDecimal.valueOf(this.amountCents, Math.max(this.currency.getDefaultFractionDigits(), 0));
	}

}
