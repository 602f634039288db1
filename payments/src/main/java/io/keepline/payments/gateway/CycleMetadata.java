package io.keepline.payments.gateway;

import java.time.Instant;
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

	/**
	 * Why Keepline refunded, on a refund ({@code already_paid},
	 * {@code amount_mismatch}...).
	 */
	public static final String REFUND_REASON = "keepline_refund_reason";

	/**
	 * The instant (ISO-8601) of the registration a setup session was created for: a
	 * method saved for an earlier registration than the line's current one is refused.
	 */
	public static final String REGISTERED_AT = "keepline_registered_at";

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

	/**
	 * The metadata of a setup session: the cycle, and the registration it was created
	 * for.
	 */
	public static Map<String, String> setup(CycleId cycle, Instant registeredAt) {
		Map<String, String> metadata = of(cycle, PaymentSource.AUTO_RENEWAL, null);
		if (registeredAt != null) {
			metadata.put(REGISTERED_AT, registeredAt.toString());
		}
		return metadata;
	}

}
