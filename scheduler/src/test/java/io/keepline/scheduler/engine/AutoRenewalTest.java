package io.keepline.scheduler.engine;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.keepline.contracts.Msisdn;
import io.keepline.contracts.PaymentMethodRef;
import io.keepline.contracts.deadline.AutoRenewalDue;
import io.keepline.contracts.deadline.DeadlineEvent;
import io.keepline.contracts.deadline.LineLapsed;
import io.keepline.contracts.deadline.ReminderDue;
import io.keepline.contracts.deadline.ReminderTrigger;
import io.keepline.contracts.deadline.RenewalConfirmed;
import io.keepline.contracts.json.EventJson;
import io.keepline.contracts.linerecord.AutoRenewal;
import io.keepline.contracts.payment.AutoRenewalStopped;
import io.keepline.contracts.payment.PaymentFailed;
import io.keepline.contracts.payment.PaymentMethodRemoved;
import io.keepline.contracts.payment.PaymentSource;
import io.keepline.contracts.payment.PaymentSucceeded;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Automatic renewal with a saved card: D−3, retries at D−2 and D−1, failure reminders;
 * turned off or the card removed by the holder.
 */
class AutoRenewalTest {

	private static final Msisdn LINE = Msisdn.of("+32470123456");

	private static final Instant START = Instant.parse("2027-01-01T00:00:00Z");

	private static final LocalDate VALID_UNTIL = LocalDate.parse("2027-03-15");

	@Test
	void chargesThreeDaysBeforeExpiryAndAnnouncesTheChargeInReminders() {
		try (EngineHarness engine = optedIn()) {
			engine.advanceTo(Instant.parse("2027-03-12T09:00:00Z"));
			List<ReminderDue> reminders = engine.emitted(ReminderDue.class);
			assertThat(reminders).extracting(ReminderDue::stage).containsExactly(30, 7);
			assertThat(reminders).allSatisfy((reminder) -> {
				assertThat(reminder.plannedCharge().chargeOn()).isEqualTo(LocalDate.parse("2027-03-12"));
			});
			assertThat(engine.emitted(AutoRenewalDue.class)).singleElement().satisfies((charge) -> {
				assertThat(charge.attempt()).isEqualTo(1);
				assertThat(charge.paymentMethod()).isEqualTo(new PaymentMethodRef(Fixtures.CARD.customerId(),
						Fixtures.CARD.paymentMethodId(), null, null, 0, 0));
				assertThat(charge.idempotencyKey()).isEqualTo("renewal:+32470123456:2027-03-15:1");
			});
		}
	}

	@Test
	void retriesAtDMinusTwoAndDMinusOneWithAReminderAfterEachFailure() {
		try (EngineHarness engine = optedIn()) {
			engine.advanceTo(Instant.parse("2027-03-12T09:00:00Z"));
			engine.send(Fixtures.chargeFailed(LINE, VALID_UNTIL, 1, true, engine.now())).tick();
			engine.advanceTo(Instant.parse("2027-03-13T09:00:00Z"));
			engine.send(Fixtures.chargeFailed(LINE, VALID_UNTIL, 2, true, engine.now())).tick();
			engine.advanceTo(Instant.parse("2027-03-14T09:00:00Z"));
			engine.send(Fixtures.chargeFailed(LINE, VALID_UNTIL, 3, true, engine.now())).tick();
			engine.advanceTo(Instant.parse("2027-03-16T00:00:00Z"));
			assertThat(engine.emitted(AutoRenewalDue.class)).extracting(AutoRenewalDue::attempt)
				.containsExactly(1, 2, 3);
			List<ReminderDue> failures = engine.emitted(ReminderDue.class)
				.stream()
				.filter((reminder) -> reminder.trigger() == ReminderTrigger.AUTO_RENEWAL_FAILED)
				.toList();
			assertThat(failures).extracting(ReminderDue::stage).containsExactly(3, 2, 1);
			assertThat(failures).extracting((reminder) -> reminder.failure().attempt()).containsExactly(1, 2, 3);
			assertThat(failures).extracting((reminder) -> reminder.failure().declineCode())
				.containsOnly("insufficient_funds");
			assertThat(failures.get(0).plannedCharge().chargeOn()).isEqualTo(LocalDate.parse("2027-03-13"));
			assertThat(failures.get(2).plannedCharge()).isNull();
			assertThat(engine.emitted(ReminderDue.class)).hasSize(5);
			assertThat(engine.emitted(LineLapsed.class)).hasSize(1);
		}
	}

	@Test
	void aLastAttemptThatStripeNeverAnsweredStillBringsAFailureReminderBeforeTheLapse() {
		try (EngineHarness engine = optedIn()) {
			engine.advanceTo(Instant.parse("2027-03-12T09:00:00Z"));
			engine.send(Fixtures.chargeFailed(LINE, VALID_UNTIL, 1, true, engine.now())).tick();
			engine.advanceTo(Instant.parse("2027-03-13T09:00:00Z"));
			engine.send(Fixtures.chargeFailed(LINE, VALID_UNTIL, 2, true, engine.now())).tick();
			// payments' deadline: 20 hours after the D-1 attempt, Stripe still out of
			// reach
			engine.advanceTo(Instant.parse("2027-03-15T05:00:00Z"));
			engine
				.send(new PaymentFailed(UUID.randomUUID(), engine.now(), LINE, VALID_UNTIL, PaymentSource.AUTO_RENEWAL,
						3, null, null, PaymentFailed.GATEWAY_UNAVAILABLE, null, true))
				.tick();
			engine.advanceTo(Instant.parse("2027-03-15T12:00:00Z"));

			assertThat(engine.emitted(AutoRenewalDue.class)).extracting(AutoRenewalDue::attempt)
				.containsExactly(1, 2, 3);
			assertThat(engine.emitted(ReminderDue.class))
				.filteredOn((reminder) -> reminder.trigger() == ReminderTrigger.AUTO_RENEWAL_FAILED)
				.extracting((reminder) -> reminder.failure().attempt(), (reminder) -> reminder.failure().reason())
				.containsExactly(tuple(1, "card_declined"), tuple(2, "card_declined"),
						tuple(3, PaymentFailed.GATEWAY_UNAVAILABLE));
			assertThat(engine.emitted(LineLapsed.class)).as("the reminder comes before the lapse").isEmpty();
			engine.advanceTo(Instant.parse("2027-03-16T00:00:00Z"));
			assertThat(engine.emitted(LineLapsed.class)).hasSize(1);
		}
	}

	@Test
	void stopsRetryingAfterAFailureThatIsNotRetryable() {
		try (EngineHarness engine = optedIn()) {
			engine.advanceTo(Instant.parse("2027-03-12T09:00:00Z"));
			engine.send(Fixtures.chargeFailed(LINE, VALID_UNTIL, 1, false, engine.now())).tick();
			engine.advanceTo(Instant.parse("2027-03-15T00:00:00Z"));
			assertThat(engine.emitted(AutoRenewalDue.class)).hasSize(1);
			assertThat(engine.emitted(ReminderDue.class)).extracting(ReminderDue::trigger)
				.containsExactly(ReminderTrigger.SCHEDULED, ReminderTrigger.SCHEDULED,
						ReminderTrigger.AUTO_RENEWAL_FAILED, ReminderTrigger.SCHEDULED);
		}
	}

	@Test
	void confirmsTheRenewalWhenTheChargeSucceeds() {
		try (EngineHarness engine = optedIn()) {
			engine.advanceTo(Instant.parse("2027-03-12T09:00:00Z"));
			engine.send(new PaymentSucceeded(java.util.UUID.randomUUID(), engine.now(), LINE, VALID_UNTIL,
					Fixtures.PRICE, PaymentSource.AUTO_RENEWAL, 1, "pi_auto", "evt_auto"));
			engine.advanceTo(Instant.parse("2027-03-20T00:00:00Z"));
			assertThat(engine.emitted(RenewalConfirmed.class)).singleElement()
				.satisfies((confirmed) -> assertThat(confirmed.paymentIntentId()).isEqualTo("pi_auto"));
			assertThat(engine.emitted()).last().isInstanceOf(RenewalConfirmed.class);
		}
	}

	@Test
	void needsASavedPaymentMethodToCharge() {
		try (EngineHarness engine = new EngineHarness(START)) {
			engine.send(Fixtures.registered(LINE, VALID_UNTIL, "Europe/Brussels", null, true, START));
			engine.advanceTo(Instant.parse("2027-03-16T00:00:00Z"));
			assertThat(engine.emitted(AutoRenewalDue.class)).isEmpty();
			assertThat(engine.emitted(ReminderDue.class)).extracting(ReminderDue::stage).containsExactly(30, 7, 1);
			assertThat(engine.emitted(ReminderDue.class)).allSatisfy((r) -> assertThat(r.plannedCharge()).isNull());
		}
	}

	@Test
	void ignoresAFailureReportedTwice() {
		try (EngineHarness engine = optedIn()) {
			engine.advanceTo(Instant.parse("2027-03-12T09:00:00Z"));
			engine.send(Fixtures.chargeFailed(LINE, VALID_UNTIL, 1, true, engine.now()));
			engine.send(Fixtures.chargeFailed(LINE, VALID_UNTIL, 1, true, engine.now())).tick();
			engine.advanceTo(Instant.parse("2027-03-13T09:00:00Z"));
			List<DeadlineEvent> events = engine.emitted();
			assertThat(engine.emitted(AutoRenewalDue.class)).extracting(AutoRenewalDue::attempt).containsExactly(1, 2);
			assertThat(events.stream().filter(ReminderDue.class::isInstance)).hasSize(3);
		}
	}

	@Test
	void turnedOffByTheHolderItChargesNothingAndEveryReminderOffersAPayLinkButAStopOfAnEarlierHolderDoesNot() {
		Msisdn recycled = Msisdn.of("+32470654321");
		try (EngineHarness engine = optedIn()) {
			engine.send(Fixtures.registered(recycled, VALID_UNTIL, "Europe/Brussels", null, true, START));
			engine.send(Fixtures.cardSaved(recycled, START));
			engine.send(new AutoRenewalStopped(UUID.randomUUID(), START, LINE, START));
			engine.send(new AutoRenewalStopped(UUID.randomUUID(), START, recycled, START.minusSeconds(86_400)));
			engine.send(new PaymentMethodRemoved(UUID.randomUUID(), START, recycled, START.minusSeconds(86_400)));
			engine.advanceTo(Instant.parse("2027-03-16T00:00:00Z"));

			assertThat(engine.emitted(AutoRenewalDue.class)).extracting(AutoRenewalDue::msisdn)
				.as("only the line whose current holder kept it on")
				.containsOnly(recycled);
			List<ReminderDue> reminders = engine.emitted(ReminderDue.class)
				.stream()
				.filter((reminder) -> reminder.msisdn().equals(LINE))
				.toList();
			assertThat(reminders).extracting(ReminderDue::stage).containsExactly(30, 7, 1);
			assertThat(reminders).allSatisfy((r) -> assertThat(r.plannedCharge()).isNull());
			assertThat(engine.records(LINE)).last()
				.satisfies((record) -> assertThat(record.autoRenewal()).isEqualTo(new AutoRenewal(true, false, null)));
		}
	}

	@Test
	void aCardRemovedAfterTheFirstChargeWasPlannedIsNotChargedAgain() {
		try (EngineHarness engine = optedIn()) {
			engine.advanceTo(Instant.parse("2027-03-12T09:00:00Z"));
			engine.send(Fixtures.chargeFailed(LINE, VALID_UNTIL, 1, true, engine.now()));
			engine.send(new PaymentMethodRemoved(UUID.randomUUID(), engine.now(), LINE, START)).tick();
			engine.advanceTo(Instant.parse("2027-03-16T00:00:00Z"));

			assertThat(engine.emitted(AutoRenewalDue.class)).extracting(AutoRenewalDue::attempt).containsExactly(1);
			assertThat(engine.emitted(ReminderDue.class)).last().satisfies((reminder) -> {
				assertThat(reminder.trigger()).isEqualTo(ReminderTrigger.SCHEDULED);
				assertThat(reminder.stage()).isEqualTo(1);
				assertThat(reminder.plannedCharge()).isNull();
			});
		}
	}

	@Test
	void deadlineEventsCarryNeitherTheHoldersContactNorTheCard() {
		try (EngineHarness engine = optedIn()) {
			engine.advanceTo(Instant.parse("2027-03-12T09:00:00Z"));
			engine.send(Fixtures.chargeFailed(LINE, VALID_UNTIL, 1, true, engine.now())).tick();
			engine.advanceTo(Instant.parse("2027-03-17T09:00:00Z"));
			List<DeadlineEvent> events = engine.emitted();
			assertThat(events).hasAtLeastOneElementOfType(ReminderDue.class)
				.hasAtLeastOneElementOfType(AutoRenewalDue.class)
				.hasAtLeastOneElementOfType(LineLapsed.class);
			assertThat(events).allSatisfy((event) -> assertThat(EventJson.writeString(event, DeadlineEvent.class))
				.doesNotContain("Li Wei", "li@example.com", "Europe/Brussels", "visa", "4242", "2030"));
		}
	}

	private static EngineHarness optedIn() {
		EngineHarness engine = new EngineHarness(START);
		engine.send(Fixtures.registered(LINE, VALID_UNTIL, "Europe/Brussels", null, true, START));
		engine.send(Fixtures.cardSaved(LINE, START));
		return engine;
	}

}
