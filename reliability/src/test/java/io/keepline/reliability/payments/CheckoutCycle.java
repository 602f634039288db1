package io.keepline.reliability.payments;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.keepline.contracts.Holder;
import io.keepline.contracts.HolderLocale;
import io.keepline.contracts.Money;
import io.keepline.contracts.Msisdn;
import io.keepline.contracts.OperatorId;
import io.keepline.contracts.line.LineRegistered;
import io.keepline.payments.StripeJson;

/**
 * One renewal cycle paid through Stripe Checkout, told as the events Stripe sends about
 * it: by card (with a stale failure of the same intent arriving after the success), by
 * Bancontact (completed unpaid, then settled), after a declined first intent, or paid
 * twice through two sessions.
 */
record CheckoutCycle(Msisdn msisdn, LocalDate validUntil, Story story) {

	static final long AMOUNT = 1500;

	/** How the holder paid. */
	enum Story {

		CARD, BANCONTACT, RETRIED, PAID_TWICE

	}

	static CheckoutCycle of(int index, Msisdn msisdn, LocalDate validUntil) {
		return new CheckoutCycle(msisdn, validUntil, Story.values()[index % Story.values().length]);
	}

	/** The line as ingest would have registered it. */
	LineRegistered registration(Instant at) {
		Holder holder = new Holder("Reliability Holder", "holder@example.com", null, null, HolderLocale.EN,
				ZoneId.of("Europe/Brussels"));
		return new LineRegistered(UUID.randomUUID(), at, this.msisdn, OperatorId.of("orange"), "orange-prepaid-15",
				this.validUntil, Money.of(AMOUNT, "EUR"), holder, null, false);
	}

	/** The PaymentIntents that captured money, in the order the holder paid them. */
	List<String> paidIntents() {
		return (this.story == Story.PAID_TWICE) ? List.of(intent(1), intent(2)) : List.of(intent(1));
	}

	/** The intent that failed before the holder paid, if any. */
	String failedIntent() {
		return (this.story == Story.RETRIED) ? intent(0) : null;
	}

	List<StripeEvent> events(Instant at) {
		List<StripeEvent> events = new ArrayList<>();
		String paid = "ok:" + intent(1);
		switch (this.story) {
			case CARD -> {
				events.add(event(1, "checkout.session.completed", at, session(1, "paid"), paid, false));
				events.add(event(2, "payment_intent.succeeded", at, intentObject(1, "succeeded", "null"), paid, false));
				events.add(event(3, "payment_intent.created", at, intentObject(1, "requires_payment_method", "null"),
						null, false));
				events.add(event(4, "payment_intent.payment_failed", at, intentObject(1, "requires_payment_method",
						StripeJson.cardError("card_declined", "generic_decline")), null, true));
			}
			case BANCONTACT -> {
				events.add(event(1, "checkout.session.completed", at, session(1, "unpaid"), null, false));
				events.add(event(2, "checkout.session.async_payment_succeeded", at, session(1, "paid"), paid, false));
				events.add(event(3, "payment_intent.succeeded", at, intentObject(1, "succeeded", "null"), paid, false));
			}
			case RETRIED -> {
				events.add(event(0, "payment_intent.payment_failed", at,
						intentObject(0, "requires_payment_method",
								StripeJson.cardError("card_declined", "insufficient_funds")),
						"failed:" + intent(0), false));
				events.add(event(1, "checkout.session.completed", at, session(1, "paid"), paid, false));
				events.add(event(2, "payment_intent.succeeded", at, intentObject(1, "succeeded", "null"), paid, false));
			}
			case PAID_TWICE -> {
				String again = "ok:" + intent(2);
				events.add(event(1, "checkout.session.completed", at, session(1, "paid"), paid, false));
				events.add(event(2, "payment_intent.succeeded", at, intentObject(1, "succeeded", "null"), paid, false));
				events.add(event(3, "checkout.session.completed", at, session(2, "paid"), again, false));
				events
					.add(event(4, "payment_intent.succeeded", at, intentObject(2, "succeeded", "null"), again, false));
			}
		}
		return events;
	}

	/**
	 * A completed session of another product on the same Stripe account: not Keepline's.
	 */
	StripeEvent foreignEvent(Instant at) {
		String session = StripeJson.checkoutSession("cs_other_" + digits(), "pi_other_" + digits(), 4200, "{}");
		return new StripeEvent("evt_other_" + digits(), "checkout.session.completed",
				StripeJson.event("evt_other_" + digits(), "checkout.session.completed", at, session), null, null,
				false);
	}

	private StripeEvent event(int n, String type, Instant at, String object, String fact, boolean late) {
		String id = "evt_" + digits() + "_" + n + "_" + type.replace('.', '_');
		return new StripeEvent(id, type, StripeJson.event(id, type, at, object), this.msisdn, fact, late);
	}

	private String session(int n, String paymentStatus) {
		return StripeJson.checkoutSession("cs_" + digits() + "_" + n, intent(n), AMOUNT, metadata(), paymentStatus);
	}

	private String intentObject(int n, String status, String lastError) {
		return StripeJson.paymentIntent(intent(n), status, AMOUNT, metadata(), lastError);
	}

	private String metadata() {
		return StripeJson.metadata(this.msisdn, this.validUntil, "checkout");
	}

	private String intent(int n) {
		return "pi_" + digits() + "_" + n;
	}

	private String digits() {
		return this.msisdn.value().substring(1);
	}

}
