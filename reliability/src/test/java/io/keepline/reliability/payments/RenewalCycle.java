package io.keepline.reliability.payments;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import io.keepline.contracts.Money;
import io.keepline.contracts.Msisdn;
import io.keepline.contracts.OperatorId;
import io.keepline.contracts.PaymentMethodRef;
import io.keepline.contracts.deadline.AutoRenewalDue;

/**
 * One automatic renewal cycle as the scheduler drives it: a line with a saved card whose
 * first {@code declines} charges are declined for insufficient funds (retryable), or
 * whose card has expired (not retryable); the scheduler tries at most three times.
 */
record RenewalCycle(Msisdn msisdn, LocalDate validUntil, PaymentMethodRef card, Money price, int declines,
		boolean expired) {

	static final int MAX_ATTEMPTS = 3;

	/**
	 * The {@code index}-th cycle: of every ten, six are paid at once, one after one
	 * decline, one after two, one never (three declines) and one has an expired card.
	 */
	static RenewalCycle of(int index, Msisdn msisdn, LocalDate validUntil) {
		String digits = msisdn.value().substring(1);
		PaymentMethodRef card = new PaymentMethodRef("cus_" + digits, "pm_" + digits, "visa", "4242", 12, 2030);
		Money price = Money.of(1000 + 500L * (index % 3), "EUR");
		int kind = index % 10;
		return new RenewalCycle(msisdn, validUntil, card, price, (kind < 6) ? 0 : Math.min(kind - 5, MAX_ATTEMPTS),
				kind == 9);
	}

	/** How many {@code AutoRenewalDue} the scheduler emits for this cycle. */
	int attempts() {
		return this.expired ? 1 : Math.min(this.declines + 1, MAX_ATTEMPTS);
	}

	/** The attempt whose charge succeeds, or 0 when none does. */
	int paidAt() {
		return (this.expired || this.declines >= MAX_ATTEMPTS) ? 0 : this.declines + 1;
	}

	/**
	 * Sets the customer's card up at the Stripe stand-in to answer as this cycle needs.
	 */
	void prepare(StripeLedger stripe) {
		if (this.expired) {
			stripe.decline(this.card.customerId(), 1, "expired_card", null);
		}
		else {
			stripe.decline(this.card.customerId(), this.declines, "card_declined", "insufficient_funds");
		}
	}

	/** The scheduler's event for {@code attempt}, with its deterministic id. */
	AutoRenewalDue due(int attempt, Instant at) {
		UUID id = UUID.nameUUIDFromBytes(
				("keepline:deadline:" + this.msisdn.value() + ":" + this.validUntil + ":auto-renewal:" + attempt)
					.getBytes(StandardCharsets.UTF_8));
		return new AutoRenewalDue(id, at, this.msisdn, OperatorId.of("orange"), this.validUntil, attempt, this.card,
				this.price);
	}

}
