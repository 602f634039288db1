package io.keepline.payments.gateway;

import java.util.Currency;
import java.util.List;

/**
 * The payment method types Checkout offers for a currency: a card always, Bancontact only
 * for EUR (the only currency it charges in).
 */
public final class PaymentMethodTypes {

	private static final Currency EUR = Currency.getInstance("EUR");

	private PaymentMethodTypes() {
	}

	/** Stripe's names of the types offered for {@code currency}, card first. */
	public static List<String> forCurrency(Currency currency) {
		return EUR.equals(currency) ? List.of("card", "bancontact") : List.of("card");
	}

}
