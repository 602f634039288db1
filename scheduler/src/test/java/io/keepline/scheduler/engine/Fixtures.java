package io.keepline.scheduler.engine;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import io.keepline.contracts.Holder;
import io.keepline.contracts.HolderLocale;
import io.keepline.contracts.Money;
import io.keepline.contracts.Msisdn;
import io.keepline.contracts.OperatorId;
import io.keepline.contracts.PaymentMethodRef;
import io.keepline.contracts.line.HolderUpdated;
import io.keepline.contracts.line.LineCancelled;
import io.keepline.contracts.line.LineErased;
import io.keepline.contracts.line.LineRegistered;
import io.keepline.contracts.line.ValidityExtended;
import io.keepline.contracts.payment.PaymentFailed;
import io.keepline.contracts.payment.PaymentMethodSaved;
import io.keepline.contracts.payment.PaymentSource;
import io.keepline.contracts.payment.PaymentSucceeded;

/** Input events for engine tests. */
public final class Fixtures {

	public static final OperatorId ORANGE = OperatorId.of("orange");

	public static final OperatorId PROXIMUS = OperatorId.of("proximus");

	public static final Money PRICE = Money.of(1500, "EUR");

	public static final PaymentMethodRef CARD = new PaymentMethodRef("cus_1", "pm_1", "visa", "4242", 12, 2030);

	private Fixtures() {
	}

	public static Holder holder(String zone) {
		return new Holder("Li Wei", "li@example.com", null, (URI) null, HolderLocale.EN, ZoneId.of(zone));
	}

	public static LineRegistered registered(Msisdn msisdn, LocalDate validUntil, String zone, Instant at) {
		return registered(msisdn, validUntil, zone, null, false, at);
	}

	public static LineRegistered registered(Msisdn msisdn, LocalDate validUntil, String zone, List<Integer> leadDays,
			boolean autoRenew, Instant at) {
		return new LineRegistered(UUID.randomUUID(), at, msisdn, ORANGE, "orange-prepaid-15", validUntil, PRICE,
				holder(zone), leadDays, autoRenew);
	}

	public static ValidityExtended extended(Msisdn msisdn, LocalDate validUntil, Instant at) {
		return new ValidityExtended(UUID.randomUUID(), at, msisdn, ORANGE, validUntil);
	}

	public static HolderUpdated updated(Msisdn msisdn, String zone, List<Integer> leadDays, Boolean autoRenew,
			Instant at) {
		return new HolderUpdated(UUID.randomUUID(), at, msisdn, ORANGE, (zone != null) ? holder(zone) : null, leadDays,
				autoRenew);
	}

	public static LineCancelled cancelled(Msisdn msisdn, Instant at) {
		return new LineCancelled(UUID.randomUUID(), at, msisdn, ORANGE, "contract ended");
	}

	public static LineErased erased(Msisdn msisdn, Instant at) {
		return new LineErased(UUID.randomUUID(), at, msisdn, ORANGE);
	}

	public static PaymentSucceeded paid(Msisdn msisdn, LocalDate validUntil, String intent, Instant at) {
		return new PaymentSucceeded(UUID.randomUUID(), at, msisdn, validUntil, PRICE, PaymentSource.CHECKOUT, null,
				intent, "evt_" + intent);
	}

	public static PaymentFailed chargeFailed(Msisdn msisdn, LocalDate validUntil, int attempt, boolean retryable,
			Instant at) {
		return new PaymentFailed(UUID.randomUUID(), at, msisdn, validUntil, PaymentSource.AUTO_RENEWAL, attempt,
				"pi_fail_" + attempt, "evt_fail_" + attempt, "card_declined", "insufficient_funds", retryable);
	}

	public static PaymentMethodSaved cardSaved(Msisdn msisdn, Instant at) {
		return new PaymentMethodSaved(UUID.randomUUID(), at, msisdn, CARD, "seti_1", "evt_seti_1");
	}

}
