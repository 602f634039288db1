package io.keepline.payments.gateway;

import java.util.Set;

/**
 * Which Stripe failures a later attempt can overcome. Authentication and permanent card
 * problems need the holder; funds and temporary declines may pass another day.
 */
public final class DeclineCodes {

	private static final Set<String> PERMANENT = Set.of("authentication_required", "expired_card", "lost_card",
			"stolen_card", "pickup_card", "fraudulent", "incorrect_number", "invalid_account", "card_not_supported",
			"currency_not_supported", "do_not_honor", "restricted_card", "security_violation",
			"payment_method_not_available", "resource_missing", "payment_intent_authentication_failure",
			"revocation_of_authorization");

	private DeclineCodes() {
	}

	public static boolean retryable(String code, String declineCode) {
		return !PERMANENT.contains(code) && (declineCode == null || !PERMANENT.contains(declineCode));
	}

}
