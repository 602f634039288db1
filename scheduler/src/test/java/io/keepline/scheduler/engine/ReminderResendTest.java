package io.keepline.scheduler.engine;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.keepline.contracts.Msisdn;
import io.keepline.contracts.deadline.ReminderDue;
import io.keepline.contracts.deadline.ReminderTrigger;
import io.keepline.contracts.line.ReminderResendRequested;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** An operator's request to send a line's current reminder again. */
class ReminderResendTest {

	private static final Msisdn LINE = Msisdn.of("+32470123456");

	private static final LocalDate VALID_UNTIL = LocalDate.parse("2027-03-15");

	private static final Instant START = Instant.parse("2027-01-01T10:00:00Z");

	/** Stage 30 of the cycle falls due at 10:00 Brussels on 2027-02-13. */
	private static final Instant AFTER_STAGE_30 = Instant.parse("2027-02-14T10:00:00Z");

	@Test
	void resendsTheMostRecentStageThatWentOutUnderAnIdOfItsOwn() {
		try (EngineHarness engine = registered()) {
			engine.advanceTo(AFTER_STAGE_30);
			ReminderDue first = engine.emitted(ReminderDue.class).get(0);

			engine.send(request(UUID.randomUUID(), VALID_UNTIL));

			List<ReminderDue> reminders = engine.emitted(ReminderDue.class);
			assertThat(reminders).hasSize(2);
			ReminderDue resent = reminders.get(1);
			assertThat(resent.trigger()).isEqualTo(ReminderTrigger.RESEND);
			assertThat(resent.stage()).isEqualTo(30).isEqualTo(first.stage());
			assertThat(resent.validUntil()).isEqualTo(VALID_UNTIL);
			assertThat(resent.eventId()).isNotEqualTo(first.eventId());
			assertThat(resent.dueAt()).isEqualTo(AFTER_STAGE_30);
		}
	}

	@Test
	void sendsTheNextStageWhenNoneWentOutYet() {
		try (EngineHarness engine = registered()) {
			engine.send(request(UUID.randomUUID(), VALID_UNTIL));

			assertThat(engine.emitted(ReminderDue.class)).singleElement().satisfies((reminder) -> {
				assertThat(reminder.stage()).isEqualTo(30);
				assertThat(reminder.trigger()).isEqualTo(ReminderTrigger.RESEND);
			});
		}
	}

	@Test
	void aReplayedRequestIsSentOnceAndAnotherRequestAgain() {
		try (EngineHarness engine = registered()) {
			ReminderResendRequested request = request(UUID.randomUUID(), VALID_UNTIL);
			engine.send(request).send(request);
			assertThat(engine.emitted(ReminderDue.class)).hasSize(1);

			engine.send(request(UUID.randomUUID(), VALID_UNTIL));
			assertThat(engine.emitted(ReminderDue.class)).extracting(ReminderDue::eventId)
				.doesNotHaveDuplicates()
				.hasSize(2);
		}
	}

	@Test
	void sendsNothingForACycleThatIsPaidOrNotTheCurrentOne() {
		try (EngineHarness engine = registered()) {
			engine.send(request(UUID.randomUUID(), VALID_UNTIL.minusYears(1)));
			engine.send(Fixtures.paid(LINE, VALID_UNTIL, "pi_1", engine.now()));
			engine.send(request(UUID.randomUUID(), VALID_UNTIL));

			assertThat(engine.emitted(ReminderDue.class)).isEmpty();
		}
	}

	@Test
	void sendsNothingForALapsedOrCancelledLine() {
		try (EngineHarness lapsed = registered(); EngineHarness cancelled = registered()) {
			lapsed.advanceTo(Instant.parse("2027-03-16T10:00:00Z"));
			int before = lapsed.emitted(ReminderDue.class).size();
			lapsed.send(request(UUID.randomUUID(), VALID_UNTIL));
			assertThat(lapsed.emitted(ReminderDue.class)).hasSize(before);

			cancelled.send(Fixtures.cancelled(LINE, cancelled.now()));
			cancelled.send(request(UUID.randomUUID(), VALID_UNTIL));
			assertThat(cancelled.emitted(ReminderDue.class)).isEmpty();
		}
	}

	@Test
	void ignoresARequestOfAnotherOperator() {
		try (EngineHarness engine = registered()) {
			engine.send(
					new ReminderResendRequested(UUID.randomUUID(), engine.now(), LINE, Fixtures.PROXIMUS, VALID_UNTIL));

			assertThat(engine.emitted(ReminderDue.class)).isEmpty();
		}
	}

	private static EngineHarness registered() {
		EngineHarness engine = new EngineHarness(START);
		engine.send(Fixtures.registered(LINE, VALID_UNTIL, "Europe/Brussels", START));
		return engine;
	}

	private static ReminderResendRequested request(UUID id, LocalDate validUntil) {
		return new ReminderResendRequested(id, START, LINE, Fixtures.ORANGE, validUntil);
	}

}
