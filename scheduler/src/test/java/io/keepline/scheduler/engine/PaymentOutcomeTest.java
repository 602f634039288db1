package io.keepline.scheduler.engine;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import io.keepline.contracts.Msisdn;
import io.keepline.contracts.deadline.DeadlineEvent;
import io.keepline.contracts.deadline.LineLapsed;
import io.keepline.contracts.deadline.RefundDue;
import io.keepline.contracts.deadline.ReminderDue;
import io.keepline.contracts.deadline.RenewalConfirmed;
import io.keepline.contracts.linerecord.CycleState;
import io.keepline.contracts.payment.PaymentSucceeded;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Payments end a cycle's reminders once; a second payment is flagged for refund. */
class PaymentOutcomeTest {

	private static final Msisdn LINE = Msisdn.of("+32470123456");

	private static final Instant START = Instant.parse("2027-03-01T00:00:00Z");

	private static final LocalDate VALID_UNTIL = LocalDate.parse("2027-03-15");

	@Test
	void confirmsThePaidCycleOnceAndSendsNoFurtherReminders() {
		try (EngineHarness engine = registered()) {
			PaymentSucceeded payment = Fixtures.paid(LINE, VALID_UNTIL, "pi_1", engine.now());
			engine.send(payment).send(payment);
			engine.send(Fixtures.paid(LINE, VALID_UNTIL, "pi_1", engine.now()));
			engine.advanceTo(Instant.parse("2027-04-01T00:00:00Z"));
			assertThat(engine.emitted()).singleElement().isInstanceOfSatisfying(RenewalConfirmed.class, (confirmed) -> {
				assertThat(confirmed.paymentIntentId()).isEqualTo("pi_1");
				assertThat(confirmed.amount()).isEqualTo(Fixtures.PRICE);
				assertThat(confirmed.validUntil()).isEqualTo(VALID_UNTIL);
				assertThat(confirmed.settledAfterLapse()).as("paid before the lapse").isFalse();
			});
			assertThat(engine.indexKeys()).isEmpty();
		}
	}

	@Test
	void flagsASecondPaymentOfAPaidCycleForRefund() {
		try (EngineHarness engine = registered()) {
			engine.send(Fixtures.paid(LINE, VALID_UNTIL, "pi_1", engine.now()));
			engine.send(Fixtures.paid(LINE, VALID_UNTIL, "pi_2", engine.now()));
			assertThat(engine.emitted(RefundDue.class)).singleElement().satisfies((refund) -> {
				assertThat(refund.paymentIntentId()).isEqualTo("pi_2");
				assertThat(refund.amount()).isEqualTo(Fixtures.PRICE);
				assertThat(refund.reason()).isEqualTo("already_paid");
			});
			assertThat(engine.emitted(RenewalConfirmed.class)).hasSize(1);
		}
	}

	@Test
	void flagsALatePaymentOfAnEarlierPaidCycleAfterTheExtension() {
		try (EngineHarness engine = registered()) {
			engine.send(Fixtures.paid(LINE, VALID_UNTIL, "pi_1", engine.now()));
			engine.send(Fixtures.extended(LINE, VALID_UNTIL.plusMonths(12), engine.now()));
			engine.send(Fixtures.paid(LINE, VALID_UNTIL, "pi_late", engine.now()));
			engine.send(Fixtures.paid(LINE, VALID_UNTIL, "pi_1", engine.now()));
			assertThat(engine.emitted(RefundDue.class)).extracting(RefundDue::paymentIntentId)
				.containsExactly("pi_late");
		}
	}

	@Test
	void confirmsAPaymentAfterTheFirstReminders() {
		try (EngineHarness engine = registered()) {
			engine.advanceTo(Instant.parse("2027-03-08T09:00:00Z"));
			engine.send(Fixtures.paid(LINE, VALID_UNTIL, "pi_1", engine.now()));
			engine.advanceTo(Instant.parse("2027-04-01T00:00:00Z"));
			assertThat(engine.emitted()).extracting((DeadlineEvent event) -> event.getClass().getSimpleName())
				.containsExactly("ReminderDue", "ReminderDue", "RenewalConfirmed");
			// Registered on 2027-03-01: stage 30 is caught up,
			// stage 7 sent on schedule, stage 1 never.
			assertThat(engine.emitted(ReminderDue.class)).extracting(ReminderDue::stage).containsExactly(30, 7);
		}
	}

	/**
	 * While a paid cycle waits for the operator's top-up (ingest alerts after its bound),
	 * the holder is never told the line lapsed: a renewed line plans no lapse.
	 */
	@Test
	void aPaidCycleWaitingForItsTopUpNeverLapses() {
		try (EngineHarness engine = registered()) {
			engine.send(Fixtures.paid(LINE, VALID_UNTIL, "pi_1", engine.now()));
			engine.advanceTo(VALID_UNTIL.plusDays(40).atStartOfDay(ZoneOffset.UTC).toInstant());

			assertThat(engine.emitted(RenewalConfirmed.class)).hasSize(1);
			assertThat(engine.emitted(LineLapsed.class)).isEmpty();
			assertThat(engine.records(LINE)).last()
				.satisfies((line) -> assertThat(line.cycleState()).isEqualTo(CycleState.RENEWED));
		}
	}

	private static EngineHarness registered() {
		EngineHarness engine = new EngineHarness(START);
		engine.send(Fixtures.registered(LINE, VALID_UNTIL, "Europe/Brussels", START));
		return engine;
	}

}
