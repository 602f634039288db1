package io.keepline.contracts.payment;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * How a payment was started.
 */
public enum PaymentSource {

	/** The holder paid through a Checkout Session from a pay link. */
	@JsonProperty("checkout")
	CHECKOUT,

	/** Keepline charged the saved method off-session. */
	@JsonProperty("auto_renewal")
	AUTO_RENEWAL

}
