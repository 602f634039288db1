package io.keepline.scheduler.engine;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import io.keepline.contracts.Msisdn;
import io.keepline.contracts.deadline.LapseNoticeDue;
import io.keepline.contracts.deadline.LineLapsed;
import io.keepline.contracts.deadline.ReminderDue;
import io.keepline.contracts.deadline.ReminderTrigger;
import io.keepline.contracts.payment.TopUpReported;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The holder's "I already topped up": reminders held for the pause, resumed at its end if
 * the operator's ValidityExtended did not come, ended by it, and the lapse never moved.
 */
class TopUpPauseTest {

	private static final Msisdn LINE = Msisdn.of("+32470123456");

	private static final Instant START = Instant.parse("2027-01-01T00:00:00Z");

	/** Stages 30, 7 and 1 at 10:00 Brussels: 02-08, 03-03 and 03-09 at 09:00Z. */
	private static final LocalDate VALID_UNTIL = LocalDate.parse("2027-03-10");

	private static final Instant LAPSE = Instant.parse("2027-03-10T23:00:00Z");

	private static final Duration PAUSE = Duration.ofDays(3);

	@Test
	void holdsTheRemindersDueInThePauseAndSendsTheMostUrgentAtItsEndWhenNoTopUpCame() {
		try (EngineHarness engine = registered()) {
			engine.advanceTo(Instant.parse("2027-03-02T12:00:00Z"));
			Instant until = engine.now().plus(PAUSE);
			engine.send(reported(engine.now(), START, VALID_UNTIL, until)).tick();
			// a second report in the pause changes nothing (no longer pause)
			engine.send(reported(engine.now().plusSeconds(60), START, VALID_UNTIL, until.plus(PAUSE))).tick();
			engine.advanceTo(until.minusSeconds(1));
			assertThat(engine.emitted(ReminderDue.class)).extracting(ReminderDue::stage)
				.as("the stage-7 reminder of 03-03 is held")
				.containsExactly(30);

			engine.advanceTo(until);
			engine.advanceTo(Instant.parse("2027-03-09T09:00:00Z"));

			assertThat(engine.emitted(ReminderDue.class))
				.extracting(ReminderDue::stage, ReminderDue::trigger, ReminderDue::dueAt)
				.containsExactly(tuple(30, ReminderTrigger.SCHEDULED, Instant.parse("2027-02-08T09:00:00Z")),
						tuple(7, ReminderTrigger.CATCH_UP, until),
						tuple(1, ReminderTrigger.SCHEDULED, Instant.parse("2027-03-09T09:00:00Z")));
		}
	}

	@Test
	void theOperatorsTopUpInThePauseEndsTheCycleWithoutAnotherReminder() {
		try (EngineHarness engine = registered()) {
			engine.advanceTo(Instant.parse("2027-03-02T12:00:00Z"));
			engine.send(reported(engine.now(), START, VALID_UNTIL, engine.now().plus(PAUSE))).tick();
			engine.advanceTo(Instant.parse("2027-03-04T08:00:00Z"));
			engine.send(Fixtures.extended(LINE, LocalDate.parse("2027-04-10"), engine.now())).tick();
			engine.advanceTo(Instant.parse("2027-03-12T00:00:00Z"));

			assertThat(engine.emitted(ReminderDue.class)).extracting(ReminderDue::validUntil, ReminderDue::stage)
				.as("nothing more of the topped-up cycle; the new one's reminders as usual")
				.containsExactly(tuple(VALID_UNTIL, 30), tuple(LocalDate.parse("2027-04-10"), 30));
			assertThat(engine.emitted(LineLapsed.class)).isEmpty();
		}
	}

	@Test
	void aPauseReachingPastTheLapseNeverMovesTheLapseNorHidesItsMessage() {
		try (EngineHarness engine = registered()) {
			engine.advanceTo(Instant.parse("2027-03-09T12:00:00Z"));
			engine.send(reported(engine.now(), START, VALID_UNTIL, engine.now().plus(PAUSE))).tick();
			engine.advanceTo(LAPSE.minusSeconds(1));
			assertThat(engine.emitted(LineLapsed.class)).isEmpty();
			engine.advanceTo(LAPSE);
			assertThat(engine.emitted(LineLapsed.class)).singleElement().satisfies((lapsed) -> {
				assertThat(lapsed.validUntil()).isEqualTo(VALID_UNTIL);
				assertThat(lapsed.occurredAt()).isEqualTo(LAPSE);
			});
			engine.advanceTo(Instant.parse("2027-03-11T12:00:00Z"));

			assertThat(engine.emitted(ReminderDue.class)).extracting(ReminderDue::stage).containsExactly(30, 7, 1);
			assertThat(engine.emitted(LapseNoticeDue.class)).singleElement()
				.satisfies((notice) -> assertThat(notice.validUntil()).isEqualTo(VALID_UNTIL));
		}
	}

	@Test
	void aReportForAnotherCycleOrAnEarlierRegistrationHoldsNothing() {
		try (EngineHarness engine = registered()) {
			engine.advanceTo(Instant.parse("2027-03-02T12:00:00Z"));
			Instant until = engine.now().plus(PAUSE);
			engine.send(reported(engine.now(), START.minusSeconds(86_400), VALID_UNTIL, until));
			engine.send(reported(engine.now(), START, VALID_UNTIL.minusMonths(1), until)).tick();
			engine.advanceTo(Instant.parse("2027-03-03T09:00:00Z"));

			assertThat(engine.emitted(ReminderDue.class)).extracting(ReminderDue::stage).containsExactly(30, 7);
		}
	}

	private static EngineHarness registered() {
		EngineHarness engine = new EngineHarness(START);
		engine.send(Fixtures.registered(LINE, VALID_UNTIL, "Europe/Brussels", START));
		return engine;
	}

	private static TopUpReported reported(Instant at, Instant registeredAt, LocalDate validUntil, Instant until) {
		return new TopUpReported(UUID.randomUUID(), at, LINE, registeredAt, validUntil, until);
	}

}
