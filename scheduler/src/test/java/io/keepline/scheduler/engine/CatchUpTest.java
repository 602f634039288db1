package io.keepline.scheduler.engine;

import java.time.Instant;
import java.time.LocalDate;

import io.keepline.contracts.Msisdn;
import io.keepline.contracts.deadline.LineLapsed;
import io.keepline.contracts.deadline.ReminderDue;
import io.keepline.contracts.deadline.ReminderTrigger;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Lines registered after some of their stages fell due. */
class CatchUpTest {

	private static final Msisdn LINE = Msisdn.of("+32470123456");

	private static final LocalDate VALID_UNTIL = LocalDate.parse("2027-03-15");

	@Test
	void sendsOnlyTheMostUrgentPastStageAtOnceInsideTheSendWindow() {
		// 2027-03-10 12:00 in Brussels: stages 30 and 7 are past, stage 1 is not.
		Instant registration = Instant.parse("2027-03-10T11:00:00Z");
		try (EngineHarness engine = new EngineHarness(Instant.parse("2027-01-01T00:00:00Z"))) {
			engine.advanceTo(registration);
			engine.send(Fixtures.registered(LINE, VALID_UNTIL, "Europe/Brussels", registration));
			engine.tick();
			assertThat(engine.emitted(ReminderDue.class)).singleElement().satisfies((reminder) -> {
				assertThat(reminder.stage()).isEqualTo(7);
				assertThat(reminder.trigger()).isEqualTo(ReminderTrigger.CATCH_UP);
				assertThat(reminder.dueAt()).isEqualTo(registration);
			});
			engine.advanceTo(Instant.parse("2027-03-14T09:00:00Z"));
			assertThat(engine.emitted(ReminderDue.class)).extracting(ReminderDue::stage).containsExactly(7, 1);
			assertThat(engine.emitted(ReminderDue.class).get(1).trigger()).isEqualTo(ReminderTrigger.SCHEDULED);
		}
	}

	@Test
	void waitsForTheSendWindowToOpenOutsideIt() {
		// 22:30 in Brussels: the window opens at 09:00 local the next morning.
		Instant registration = Instant.parse("2027-03-10T21:30:00Z");
		try (EngineHarness engine = new EngineHarness(registration)) {
			engine.send(Fixtures.registered(LINE, VALID_UNTIL, "Europe/Brussels", registration));
			engine.advanceTo(Instant.parse("2027-03-11T07:59:59Z"));
			assertThat(engine.emitted()).isEmpty();
			engine.advanceTo(Instant.parse("2027-03-11T08:00:00Z"));
			assertThat(engine.emitted(ReminderDue.class)).singleElement().satisfies((reminder) -> {
				assertThat(reminder.stage()).isEqualTo(7);
				assertThat(reminder.trigger()).isEqualTo(ReminderTrigger.CATCH_UP);
				assertThat(reminder.dueAt()).isEqualTo(Instant.parse("2027-03-11T08:00:00Z"));
			});
		}
	}

	@Test
	void usesTheHoldersWindowNotBrussels() {
		// 14:00 in Brussels is 21:00 in Shanghai: just outside the holder's window.
		Instant registration = Instant.parse("2027-03-10T13:00:00Z");
		try (EngineHarness engine = new EngineHarness(registration)) {
			engine.send(Fixtures.registered(LINE, VALID_UNTIL, "Asia/Shanghai", registration));
			engine.tick();
			assertThat(engine.emitted()).isEmpty();
			engine.advanceTo(Instant.parse("2027-03-11T01:00:00Z"));
			assertThat(engine.emitted(ReminderDue.class)).extracting(ReminderDue::dueAt)
				.containsExactly(Instant.parse("2027-03-11T01:00:00Z"));
		}
	}

	@Test
	void lapsesAtOnceALineRegisteredAfterItsValidity() {
		Instant registration = Instant.parse("2027-03-20T10:00:00Z");
		try (EngineHarness engine = new EngineHarness(registration)) {
			engine.send(Fixtures.registered(LINE, VALID_UNTIL, "Europe/Brussels", registration));
			engine.tick();
			assertThat(engine.emitted()).singleElement().isInstanceOf(LineLapsed.class);
		}
	}

}
