package io.keepline.payments.line;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

import io.keepline.contracts.Holder;
import io.keepline.contracts.HolderLocale;
import io.keepline.contracts.Money;
import io.keepline.contracts.Msisdn;
import io.keepline.contracts.OperatorId;
import io.keepline.contracts.deadline.DeadlineEvent;
import io.keepline.contracts.deadline.LineLapsed;
import io.keepline.contracts.deadline.ReminderDue;
import io.keepline.contracts.deadline.ReminderTrigger;
import io.keepline.contracts.deadline.RenewalConfirmed;
import io.keepline.contracts.payment.PaymentEvent;
import io.keepline.contracts.payment.PaymentFailed;
import io.keepline.contracts.payment.PaymentSource;
import io.keepline.contracts.payment.PaymentSucceeded;
import io.keepline.contracts.samples.EventSamples;
import io.keepline.payments.line.BillingCycle.CycleState;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/**
 * How deadline and payment events fold into what payments knows about a line.
 */
class LinePaymentsTest {

	static final Msisdn MSISDN = Msisdn.of("+32470123456");

	static final LocalDate VALID_UNTIL = LocalDate.parse("2026-12-31");

	static final Holder HOLDER = new Holder(null, "h@example.com", null, null, HolderLocale.DE,
			ZoneId.of("Europe/Brussels"));

	@Test
	void foldsEveryDeadlineEventType() {
		for (DeadlineEvent event : EventSamples.everyPermitted(DeadlineEvent.class)) {
			assertThatCode(() -> LinePayments.empty(event.msisdn()).apply(event)).as(event.getClass().getSimpleName())
				.doesNotThrowAnyException();
		}
	}

	@Test
	void foldsEveryPaymentEventType() {
		for (PaymentEvent event : EventSamples.everyPermitted(PaymentEvent.class)) {
			assertThat(LinePayments.empty(event.msisdn()).apply(event).recorded(event.eventId()))
				.as(event.getClass().getSimpleName())
				.isTrue();
		}
	}

	@Test
	void aReminderOpensTheCycleWithItsPriceAndTheHoldersLocale() {
		LinePayments view = LinePayments.empty(MSISDN).apply(reminder());

		assertThat(view.locale()).isEqualTo(HolderLocale.DE);
		assertThat(view.cycle(VALID_UNTIL)).hasValueSatisfying((cycle) -> {
			assertThat(cycle.state()).isEqualTo(CycleState.OPEN);
			assertThat(cycle.price()).isEqualTo(Money.of(1500, "EUR"));
		});
	}

	@Test
	void renewalConfirmedMarksTheCyclePaidAndALaterLapseDoesNotReopenIt() {
		LinePayments view = LinePayments.empty(MSISDN)
			.apply(reminder())
			.apply(new RenewalConfirmed(UUID.randomUUID(), Instant.now(), MSISDN, OperatorId.of("orange"), VALID_UNTIL,
					Money.of(1500, "EUR"), "pi_1", HOLDER))
			.apply(new LineLapsed(UUID.randomUUID(), Instant.now(), MSISDN, OperatorId.of("orange"), VALID_UNTIL,
					HOLDER));

		assertThat(view.cycle(VALID_UNTIL)).hasValueSatisfying((c) -> assertThat(c.state()).isEqualTo(CycleState.PAID));
	}

	@Test
	void aLaterReminderKeepsTheCyclesState() {
		LinePayments view = LinePayments.empty(MSISDN)
			.apply(reminder())
			.apply(new LineLapsed(UUID.randomUUID(), Instant.now(), MSISDN, OperatorId.of("orange"), VALID_UNTIL,
					HOLDER))
			.apply(reminder());

		assertThat(view.cycle(VALID_UNTIL))
			.hasValueSatisfying((c) -> assertThat(c.state()).isEqualTo(CycleState.LAPSED));
	}

	@Test
	void paymentsAreRememberedOnceWithTheirStripeEventIds() {
		PaymentSucceeded ok = new PaymentSucceeded(UUID.randomUUID(), Instant.now(), MSISDN, VALID_UNTIL,
				Money.of(1500, "EUR"), PaymentSource.CHECKOUT, null, "pi_1", "evt_1");

		LinePayments view = LinePayments.empty(MSISDN).apply(ok).apply(ok);

		assertThat(view.payments()).hasSize(1);
		assertThat(view.published("evt_1")).isTrue();
		assertThat(view.paidBy(VALID_UNTIL)).isPresent();
	}

	@Test
	void aFailedPaymentDoesNotPayTheCycle() {
		LinePayments view = LinePayments.empty(MSISDN)
			.apply(new PaymentFailed(UUID.randomUUID(), Instant.now(), MSISDN, VALID_UNTIL, PaymentSource.AUTO_RENEWAL,
					1, "pi_2", "evt_2", "card_declined", "insufficient_funds", true));

		assertThat(view.paidBy(VALID_UNTIL)).isEmpty();
	}

	@Test
	void keepsABoundedHistory() {
		LinePayments view = LinePayments.empty(MSISDN);
		for (int i = 0; i < LinePayments.MAX_PAYMENTS + 10; i++) {
			view = view.apply(new PaymentFailed(UUID.randomUUID(), Instant.now(), MSISDN, VALID_UNTIL,
					PaymentSource.CHECKOUT, null, "pi_" + i, "evt_" + i, "card_declined", null, true));
		}

		assertThat(view.payments()).hasSize(LinePayments.MAX_PAYMENTS);
		assertThat(view.published("evt_" + (LinePayments.MAX_PAYMENTS + 9))).isTrue();
	}

	static ReminderDue reminder() {
		return new ReminderDue(UUID.randomUUID(), Instant.now(), MSISDN, OperatorId.of("orange"), VALID_UNTIL, 7,
				Instant.now(), ReminderTrigger.SCHEDULED, HOLDER, Money.of(1500, "EUR"), null, null);
	}

}
