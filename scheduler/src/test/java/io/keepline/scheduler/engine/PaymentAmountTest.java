package io.keepline.scheduler.engine;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import io.keepline.contracts.Money;
import io.keepline.contracts.Msisdn;
import io.keepline.contracts.deadline.RefundDue;
import io.keepline.contracts.deadline.ReminderDue;
import io.keepline.contracts.deadline.RenewalConfirmed;
import io.keepline.contracts.linerecord.CycleState;
import io.keepline.contracts.payment.PaymentSource;
import io.keepline.contracts.payment.PaymentSucceeded;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * A payment renews a cycle only when it pays the cycle's exact price: another amount or
 * currency leaves the cycle open, its reminders going on, and is flagged for refund once.
 */
class PaymentAmountTest {

	private static final Msisdn LINE = Msisdn.of("+32470123456");

	private static final Instant START = Instant.parse("2027-01-01T00:00:00Z");

	private static final LocalDate VALID_UNTIL = LocalDate.parse("2027-03-15");

	@Test
	void underOverAndWrongCurrencyPaymentsLeaveTheCycleOpenAndAreRefundedOnceEach() {
		try (EngineHarness engine = new EngineHarness(START)) {
			engine.send(Fixtures.registered(LINE, VALID_UNTIL, "Europe/Brussels", START));
			engine.send(payment(Money.of(1000, "EUR"), "pi_under"));
			engine.send(payment(Money.of(1000, "EUR"), "pi_under"));
			engine.send(payment(Money.of(2000, "EUR"), "pi_over"));
			engine.send(payment(Money.of(1500, "USD"), "pi_usd"));
			assertThat(engine.emitted(RefundDue.class))
				.extracting(RefundDue::paymentIntentId, RefundDue::reason, (refund) -> refund.amount().amountCents())
				.containsExactly(tuple("pi_under", "amount_mismatch", 1000L),
						tuple("pi_over", "amount_mismatch", 2000L), tuple("pi_usd", "currency_mismatch", 1500L));
			assertThat(engine.emitted(RenewalConfirmed.class)).isEmpty();
			assertThat(last(engine.records(LINE)).cycleState()).isEqualTo(CycleState.OPEN);
			engine.advanceTo(Instant.parse("2027-03-09T00:00:00Z"));
			assertThat(engine.emitted(ReminderDue.class)).extracting(ReminderDue::stage).containsExactly(30, 7);
			engine.send(payment(Fixtures.PRICE, "pi_exact"));
			assertThat(engine.emitted(RenewalConfirmed.class)).singleElement()
				.satisfies((confirmed) -> assertThat(confirmed.paymentIntentId()).isEqualTo("pi_exact"));
			assertThat(engine.emitted(RefundDue.class)).hasSize(3);
		}
	}

	private static PaymentSucceeded payment(Money amount, String intent) {
		return new PaymentSucceeded(UUID.randomUUID(), START.plusSeconds(60), LINE, VALID_UNTIL, amount,
				PaymentSource.CHECKOUT, null, intent, "evt_" + UUID.randomUUID());
	}

	private static <T> T last(java.util.List<T> list) {
		return list.get(list.size() - 1);
	}

}
