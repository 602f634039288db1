package io.keepline.scheduler.engine;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import io.keepline.contracts.Msisdn;
import io.keepline.contracts.deadline.AutoRenewalDue;
import io.keepline.contracts.deadline.LapseNoticeDue;
import io.keepline.contracts.deadline.LineLapsed;
import io.keepline.contracts.deadline.ReminderDue;
import io.keepline.contracts.deadline.ReminderTrigger;
import io.keepline.contracts.deadline.RenewalConfirmed;
import io.keepline.contracts.linerecord.CycleState;
import io.keepline.contracts.linerecord.LineRecord;
import io.keepline.contracts.payment.PaymentFailed;
import io.keepline.contracts.payment.PaymentProcessing;
import io.keepline.contracts.payment.PaymentSource;
import io.keepline.contracts.payment.PaymentSucceeded;
import io.keepline.scheduler.deadline.EngineSettings;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A payment being processed (a SEPA debit): the cycle is PAYMENT_PENDING, nothing presses
 * the holder, and its settlement decides: a failure opens the cycle again with a failure
 * reminder, a success confirms the renewal even after the validity date (flagged as
 * settled after the lapse). A debit still unsettled {@code settlementWait} after the
 * lapse releases the held lapse message.
 */
class PendingPaymentTest {

	private static final Msisdn LINE = Msisdn.of("+32470123456");

	private static final Instant START = Instant.parse("2027-01-01T00:00:00Z");

	private static final LocalDate VALID_UNTIL = LocalDate.parse("2027-03-15");

	@Test
	void aProcessingDebitStopsFurtherAttemptsAndItsFailureOpensTheCycleWithAFailureReminder() {
		try (EngineHarness engine = optedIn()) {
			engine.advanceTo(Instant.parse("2027-03-12T09:00:00Z"));
			engine.send(processing(PaymentSource.AUTO_RENEWAL, 1, "pi_sepa", engine.now())).tick();
			assertThat(lastRecord(engine).cycleState()).isEqualTo(CycleState.PAYMENT_PENDING);
			engine.advanceTo(Instant.parse("2027-03-14T12:00:00Z"));
			assertThat(engine.emitted(AutoRenewalDue.class)).extracting(AutoRenewalDue::attempt).containsExactly(1);
			assertThat(engine.emitted(ReminderDue.class)).extracting(ReminderDue::trigger)
				.containsExactly(ReminderTrigger.SCHEDULED, ReminderTrigger.SCHEDULED);

			engine
				.send(new PaymentFailed(UUID.randomUUID(), engine.now(), LINE, VALID_UNTIL, PaymentSource.AUTO_RENEWAL,
						1, "pi_sepa", "evt_sepa_failed", "insufficient_funds", null, true))
				.tick();
			engine.advanceTo(Instant.parse("2027-03-14T12:30:00Z"));

			assertThat(lastRecord(engine).cycleState()).isEqualTo(CycleState.OPEN);
			assertThat(engine.emitted(ReminderDue.class))
				.filteredOn((reminder) -> reminder.trigger() == ReminderTrigger.AUTO_RENEWAL_FAILED)
				.singleElement()
				.satisfies((reminder) -> assertThat(reminder.failure().reason()).isEqualTo("insufficient_funds"));
			assertThat(engine.emitted(AutoRenewalDue.class)).extracting(AutoRenewalDue::attempt).containsExactly(1, 2);
		}
	}

	@Test
	void aDebitSettledAfterTheValidityDateConfirmsTheRenewalAndTheLapseIsNeverToldAsALoss() {
		try (EngineHarness engine = optedIn()) {
			engine.advanceTo(Instant.parse("2027-03-12T09:00:00Z"));
			engine.send(processing(PaymentSource.AUTO_RENEWAL, 1, "pi_sepa", engine.now())).tick();
			engine.advanceTo(Instant.parse("2027-03-17T12:00:00Z"));
			assertThat(engine.emitted(LineLapsed.class)).as("the validity passed").hasSize(1);
			assertThat(engine.emitted(LapseNoticeDue.class)).as("held while the debit is processed").isEmpty();
			assertThat(lastRecord(engine).cycleState()).isEqualTo(CycleState.PAYMENT_PENDING);
			assertThat(lastRecord(engine).autoRenewal().active())
				.as("the lapse keeps the holder's card while their debit may still renew the cycle")
				.isTrue();

			engine
				.send(new PaymentSucceeded(UUID.randomUUID(), engine.now(), LINE, VALID_UNTIL, Fixtures.PRICE,
						PaymentSource.AUTO_RENEWAL, 1, "pi_sepa", "evt_sepa_ok"))
				.tick();
			engine.advanceTo(Instant.parse("2027-03-25T00:00:00Z"));

			assertThat(engine.emitted(RenewalConfirmed.class)).singleElement().satisfies((confirmed) -> {
				assertThat(confirmed.paymentIntentId()).isEqualTo("pi_sepa");
				assertThat(confirmed.validUntil()).as("the cycle paid, whose date the renewal counts from")
					.isEqualTo(VALID_UNTIL);
				assertThat(confirmed.settledAfterLapse()).as("the operator was told the line lapsed").isTrue();
			});
			assertThat(engine.emitted(LapseNoticeDue.class)).isEmpty();
			assertThat(engine.emitted(AutoRenewalDue.class)).hasSize(1);
			assertThat(lastRecord(engine).cycleState()).isEqualTo(CycleState.RENEWED);

			// the operator restores the line from the old date: no day lost, none gained
			engine.send(Fixtures.extended(LINE, VALID_UNTIL.plusDays(30), engine.now())).tick();
			assertThat(lastRecord(engine)).satisfies((line) -> {
				assertThat(line.cycleState()).isEqualTo(CycleState.OPEN);
				assertThat(line.validUntil()).isEqualTo(VALID_UNTIL.plusDays(30));
			});
			engine.advanceTo(Instant.parse("2027-04-10T12:00:00Z"));
			assertThat(engine.emitted(LapseNoticeDue.class)).isEmpty();
			assertThat(engine.emitted(LineLapsed.class)).hasSize(1);

			// the holder's automatic renewal goes on: the next cycle is charged at D-3
			engine.advanceTo(Instant.parse("2027-04-11T12:00:00Z"));
			assertThat(engine.emitted(AutoRenewalDue.class)).extracting(AutoRenewalDue::validUntil)
				.containsExactly(VALID_UNTIL, VALID_UNTIL.plusDays(30));
			assertThat(lastRecord(engine).autoRenewal().active()).isTrue();
		}
	}

	@Test
	void aDebitStillUnsettledAfterTheSettlementWaitBringsTheLapseMessageOnceAndALaterSuccessStillRenews() {
		try (EngineHarness engine = optedIn()) {
			engine.advanceTo(Instant.parse("2027-03-12T09:00:00Z"));
			engine.send(processing(PaymentSource.AUTO_RENEWAL, 1, "pi_sepa", engine.now())).tick();
			// the lapse is 2027-03-15T23:00Z (end of day, Brussels); 14 days later is
			// 2027-03-29T23:00Z, at night in Brussels: the message waits for 09:00
			engine.advanceTo(Instant.parse("2027-03-30T06:59:00Z"));
			assertThat(engine.emitted(LineLapsed.class)).hasSize(1);
			assertThat(engine.emitted(LapseNoticeDue.class)).as("held for the settlement wait").isEmpty();

			engine.advanceTo(Instant.parse("2027-03-30T07:30:00Z"));
			assertThat(engine.emitted(LapseNoticeDue.class)).singleElement()
				.satisfies((notice) -> assertThat(notice.validUntil()).isEqualTo(VALID_UNTIL));
			assertThat(lastRecord(engine).cycleState()).as("the debit may still settle")
				.isEqualTo(CycleState.PAYMENT_PENDING);

			engine
				.send(new PaymentSucceeded(UUID.randomUUID(), engine.now(), LINE, VALID_UNTIL, Fixtures.PRICE,
						PaymentSource.AUTO_RENEWAL, 1, "pi_sepa", "evt_sepa_ok"))
				.tick();
			engine.advanceTo(Instant.parse("2027-04-15T12:00:00Z"));

			assertThat(engine.emitted(RenewalConfirmed.class)).singleElement()
				.satisfies((confirmed) -> assertThat(confirmed.settledAfterLapse()).isTrue());
			assertThat(engine.emitted(LapseNoticeDue.class)).hasSize(1);
			assertThat(lastRecord(engine).cycleState()).isEqualTo(CycleState.RENEWED);
		}
	}

	@Test
	void theSettlementWaitIsASetting() {
		EngineSettings twoDays = EngineSettings.defaults().withSettlementWait(Duration.ofDays(2));
		try (EngineHarness engine = new EngineHarness(START, twoDays)) {
			engine.send(Fixtures.registered(LINE, VALID_UNTIL, "Europe/Brussels", null, true, START));
			engine.send(Fixtures.cardSaved(LINE, START));
			engine.advanceTo(Instant.parse("2027-03-12T09:00:00Z"));
			engine.send(processing(PaymentSource.AUTO_RENEWAL, 1, "pi_sepa", engine.now())).tick();
			engine.advanceTo(Instant.parse("2027-03-17T22:00:00Z"));
			assertThat(engine.emitted(LapseNoticeDue.class)).isEmpty();

			engine.advanceTo(Instant.parse("2027-03-18T08:30:00Z"));
			assertThat(engine.emitted(LapseNoticeDue.class)).hasSize(1);

			engine
				.send(new PaymentFailed(UUID.randomUUID(), engine.now(), LINE, VALID_UNTIL, PaymentSource.AUTO_RENEWAL,
						1, "pi_sepa", "evt_sepa_failed", "insufficient_funds", null, true))
				.tick();
			engine.advanceTo(Instant.parse("2027-03-25T12:00:00Z"));
			assertThat(engine.emitted(LapseNoticeDue.class)).as("told once").hasSize(1);
			assertThat(lastRecord(engine).cycleState()).isEqualTo(CycleState.LAPSED);
		}
	}

	@Test
	void aDebitThatFailsAfterTheLapseBringsTheHeldLapseMessage() {
		try (EngineHarness engine = optedIn()) {
			engine.advanceTo(Instant.parse("2027-03-12T09:00:00Z"));
			engine.send(processing(PaymentSource.AUTO_RENEWAL, 1, "pi_sepa", engine.now())).tick();
			engine.advanceTo(Instant.parse("2027-03-17T12:00:00Z"));
			engine
				.send(new PaymentFailed(UUID.randomUUID(), engine.now(), LINE, VALID_UNTIL, PaymentSource.AUTO_RENEWAL,
						1, "pi_sepa", "evt_sepa_failed", "insufficient_funds", null, true))
				.tick();
			engine.advanceTo(Instant.parse("2027-03-18T12:00:00Z"));

			assertThat(engine.emitted(LapseNoticeDue.class)).hasSize(1);
			assertThat(lastRecord(engine).cycleState()).isEqualTo(CycleState.LAPSED);
			assertThat(engine.emitted(AutoRenewalDue.class)).hasSize(1);
			assertThat(lastRecord(engine).autoRenewal()).as("the card kept for the debit is forgotten with its failure")
				.satisfies((auto) -> {
					assertThat(auto.method()).isNull();
					assertThat(auto.active()).isFalse();
				});
		}
	}

	@Test
	void aProcessingReportArrivingAfterItsAttemptFailedHoldsNothing() {
		try (EngineHarness engine = optedIn()) {
			engine.advanceTo(Instant.parse("2027-03-12T09:00:00Z"));
			engine.send(Fixtures.chargeFailed(LINE, VALID_UNTIL, 1, true, engine.now()));
			engine.send(processing(PaymentSource.AUTO_RENEWAL, 1, "pi_fail_1", engine.now())).tick();
			engine.advanceTo(Instant.parse("2027-03-13T09:00:00Z"));

			assertThat(engine.records(LINE)).extracting(LineRecord::cycleState)
				.doesNotContain(CycleState.PAYMENT_PENDING);
			assertThat(engine.emitted(AutoRenewalDue.class)).extracting(AutoRenewalDue::attempt).containsExactly(1, 2);
		}
	}

	@Test
	void noFinalWarningWhileAPayLinkDebitIsProcessed() {
		try (EngineHarness engine = new EngineHarness(START)) {
			engine.send(Fixtures.registered(LINE, VALID_UNTIL, "Europe/Brussels", START));
			engine.advanceTo(Instant.parse("2027-03-10T12:00:00Z"));
			engine.send(processing(PaymentSource.CHECKOUT, null, "pi_chk", engine.now()));
			engine.send(processing(PaymentSource.CHECKOUT, null, "pi_chk", engine.now())).tick();
			engine.advanceTo(Instant.parse("2027-03-15T12:00:00Z"));

			assertThat(engine.emitted(ReminderDue.class)).extracting(ReminderDue::stage).containsExactly(30, 7);
			assertThat(engine.records(LINE)).extracting(LineRecord::cycleState)
				.containsOnlyOnce(CycleState.PAYMENT_PENDING);
		}
	}

	private static PaymentProcessing processing(PaymentSource source, Integer attempt, String intent, Instant at) {
		return new PaymentProcessing(UUID.randomUUID(), at, LINE, VALID_UNTIL, Fixtures.PRICE, source, attempt, intent,
				"evt_" + intent + "_processing");
	}

	private static LineRecord lastRecord(EngineHarness engine) {
		return engine.records(LINE).get(engine.records(LINE).size() - 1);
	}

	private static EngineHarness optedIn() {
		EngineHarness engine = new EngineHarness(START);
		engine.send(Fixtures.registered(LINE, VALID_UNTIL, "Europe/Brussels", null, true, START));
		engine.send(Fixtures.cardSaved(LINE, START));
		return engine;
	}

}
