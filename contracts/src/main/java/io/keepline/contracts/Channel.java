package io.keepline.contracts;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A way to reach a holder, in the order Keepline tries them.
 */
public enum Channel {

	@JsonProperty("email")
	EMAIL,

	@JsonProperty("sms")
	SMS,

	@JsonProperty("webhook")
	WEBHOOK

}
