package io.keepline.payments.gateway;

import java.util.LinkedHashMap;
import java.util.Map;

import io.keepline.contracts.CycleId;
import io.keepline.contracts.payment.PaymentSource;

/**
 * The Stripe metadata that ties a Stripe object to a renewal cycle (design.md §2), plus
 * how the payment was started.
 */
public final class CycleMetadata {

	/** The line's msisdn in E.164. */
	public static final String MSISDN = "keepline_msisdn";

	/** The ISO date of the validity being renewed. */
	public static final String VALID_UNTIL = "keepline_valid_until";

	/** {@code checkout} or {@code auto_renewal}. */
	public static final String SOURCE = "keepline_source";

	/** The automatic renewal attempt. */
	public static final String ATTEMPT = "keepline_attempt";

	private CycleMetadata() {
	}

	public static Map<String, String> of(CycleId cycle, PaymentSource source, Integer attempt) {
		Map<String, String> metadata = new LinkedHashMap<>();
		metadata.put(MSISDN, cycle.msisdn().value());
		metadata.put(VALID_UNTIL, cycle.validUntil().toString());
		metadata.put(SOURCE, (source == PaymentSource.CHECKOUT) ? "checkout" : "auto_renewal");
		if (attempt != null) {
			metadata.put(ATTEMPT, attempt.toString());
		}
		return metadata;
	}

}
