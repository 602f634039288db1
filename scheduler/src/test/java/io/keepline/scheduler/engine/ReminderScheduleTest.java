package io.keepline.scheduler.engine;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

import io.keepline.contracts.Msisdn;
import io.keepline.contracts.deadline.LapseNoticeDue;
import io.keepline.contracts.deadline.LineLapsed;
import io.keepline.contracts.deadline.ReminderDue;
import io.keepline.contracts.deadline.ReminderTrigger;
import io.keepline.scheduler.deadline.EngineSettings;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Reminder stages at the send hour in the holder's zone, across DST, and the lapse. */
class ReminderScheduleTest {

	private static final Msisdn LINE = Msisdn.of("+32470123456");

	private static final Instant START = Instant.parse("2027-01-01T00:00:00Z");

	@Test
	void remindsThirtySevenAndOneDayBeforeExpiryAtTenInTheHoldersZone() {
		try (EngineHarness engine = new EngineHarness(START)) {
			LocalDate validUntil = LocalDate.parse("2027-03-10");
			engine.send(Fixtures.registered(LINE, validUntil, "Europe/Brussels", START));
			engine.advanceTo(Instant.parse("2027-02-08T08:59:59Z"));
			assertThat(engine.emitted()).isEmpty();
			engine.advanceTo(Instant.parse("2027-02-08T09:00:00Z"));
			engine.advanceTo(Instant.parse("2027-03-03T09:00:00Z"));
			engine.advanceTo(Instant.parse("2027-03-09T09:00:00Z"));
			List<ReminderDue> reminders = engine.emitted(ReminderDue.class);
			assertThat(reminders).extracting(ReminderDue::stage).containsExactly(30, 7, 1);
			assertThat(reminders).extracting(ReminderDue::dueAt)
				.containsExactly(Instant.parse("2027-02-08T09:00:00Z"), Instant.parse("2027-03-03T09:00:00Z"),
						Instant.parse("2027-03-09T09:00:00Z"));
			assertThat(reminders).allSatisfy((reminder) -> {
				assertThat(reminder.trigger()).isEqualTo(ReminderTrigger.SCHEDULED);
				assertThat(reminder.validUntil()).isEqualTo(validUntil);
				assertThat(reminder.price()).isEqualTo(Fixtures.PRICE);
				assertThat(reminder.plannedCharge()).isNull();
			});
		}
	}

	@Test
	void followsBrusselsAcrossTheSpringDstChange() {
		// Brussels moves to CEST on 2027-03-28:
		// 10:00 is 09:00Z before, 08:00Z on and after.
		assertStages("Europe/Brussels", LocalDate.parse("2027-03-29"), List.of(7, 1),
				List.of(Instant.parse("2027-03-22T09:00:00Z"), Instant.parse("2027-03-28T08:00:00Z")));
	}

	@Test
	void followsBrusselsAcrossTheAutumnDstChange() {
		// Brussels returns to CET on 2027-10-31:
		// 10:00 is 08:00Z before, 09:00Z on and after.
		assertStages("Europe/Brussels", LocalDate.parse("2027-11-01"), List.of(7, 1),
				List.of(Instant.parse("2027-10-25T08:00:00Z"), Instant.parse("2027-10-31T09:00:00Z")));
	}

	@Test
	void followsNewYorkAcrossItsDstChange() {
		// New York moves to EDT on 2027-03-14:
		// 10:00 is 15:00Z before, 14:00Z from then on.
		assertStages("America/New_York", LocalDate.parse("2027-03-15"), List.of(7, 1),
				List.of(Instant.parse("2027-03-08T15:00:00Z"), Instant.parse("2027-03-14T14:00:00Z")));
	}

	@Test
	void remindsAShanghaiHolderAtTenShanghaiTime() {
		assertStages("Asia/Shanghai", LocalDate.parse("2027-03-15"), List.of(7, 1),
				List.of(Instant.parse("2027-03-08T02:00:00Z"), Instant.parse("2027-03-14T02:00:00Z")));
	}

	@Test
	void usesTheLinesOwnLeadDays() {
		try (EngineHarness engine = new EngineHarness(START)) {
			engine.send(Fixtures.registered(LINE, LocalDate.parse("2027-03-15"), "Europe/Brussels", List.of(14, 2),
					false, START));
			engine.advanceTo(Instant.parse("2027-03-16T00:00:00Z"));
			assertThat(engine.emitted(ReminderDue.class)).extracting(ReminderDue::stage).containsExactly(14, 2);
		}
	}

	@Test
	void sendsAtTheFirstValidTimeWhenTheSendHourFallsInADstGap() {
		EngineSettings settings = new EngineSettings(LocalTime.of(2, 30), LocalTime.of(0, 0), LocalTime.of(23, 59),
				EngineSettings.defaults().lapseZone(), List.of(3, 2, 1), Duration.ofSeconds(1), 10_000,
				Duration.ofMillis(200), 16, 20, Duration.ofDays(14));
		try (EngineHarness engine = new EngineHarness(START, settings)) {
			engine.send(Fixtures.registered(LINE, LocalDate.parse("2027-03-29"), "Europe/Brussels", List.of(1), false,
					START));
			engine.advanceTo(Instant.parse("2027-03-28T01:29:59Z"));
			assertThat(engine.emitted(ReminderDue.class)).isEmpty();
			engine.advanceTo(Instant.parse("2027-03-28T01:30:00Z"));
			assertThat(engine.emitted(ReminderDue.class)).extracting(ReminderDue::dueAt)
				.containsExactly(Instant.parse("2027-03-28T01:30:00Z"));
		}
	}

	@Test
	void lapsesAtTheEndOfTheValidUntilDayInBrussels() {
		try (EngineHarness engine = new EngineHarness(START)) {
			engine.send(Fixtures.registered(LINE, LocalDate.parse("2027-03-15"), "Asia/Shanghai", START));
			engine.advanceTo(Instant.parse("2027-03-15T22:59:59Z"));
			assertThat(engine.emitted(LineLapsed.class)).isEmpty();
			engine.advanceTo(Instant.parse("2027-03-15T23:00:00Z"));
			assertThat(engine.emitted(LineLapsed.class)).singleElement()
				.satisfies((lapsed) -> assertThat(lapsed.validUntil()).isEqualTo(LocalDate.parse("2027-03-15")));
			engine.advanceTo(Instant.parse("2027-04-15T00:00:00Z"));
			assertThat(engine.emitted(LineLapsed.class)).hasSize(1);
			assertThat(engine.indexKeys()).isEmpty();
		}
	}

	@Test
	void tellsAShanghaiHolderOfTheLapseWhenTheirSendWindowOpensWithoutMovingTheLapse() {
		try (EngineHarness engine = new EngineHarness(START)) {
			engine.send(Fixtures.registered(LINE, LocalDate.parse("2027-03-15"), "Asia/Shanghai", START));
			// 00:00 Brussels is 07:00 in Shanghai, before the 09:00-21:00 window
			engine.advanceTo(Instant.parse("2027-03-15T23:00:00Z"));
			assertThat(engine.emitted(LineLapsed.class)).singleElement()
				.satisfies(
						(lapsed) -> assertThat(lapsed.occurredAt()).isEqualTo(Instant.parse("2027-03-15T23:00:00Z")));
			assertThat(engine.emitted(LapseNoticeDue.class)).isEmpty();
			engine.advanceTo(Instant.parse("2027-03-16T00:59:59Z"));
			assertThat(engine.emitted(LapseNoticeDue.class)).isEmpty();
			engine.advanceTo(Instant.parse("2027-03-16T01:00:00Z"));
			assertThat(engine.emitted(LapseNoticeDue.class)).singleElement().satisfies((notice) -> {
				assertThat(notice.occurredAt()).isEqualTo(Instant.parse("2027-03-16T01:00:00Z"));
				assertThat(notice.lapsedAt()).isEqualTo(Instant.parse("2027-03-15T23:00:00Z"));
				assertThat(notice.validUntil()).isEqualTo(LocalDate.parse("2027-03-15"));
			});
			engine.advanceTo(Instant.parse("2027-04-15T00:00:00Z"));
			assertThat(engine.emitted(LapseNoticeDue.class)).hasSize(1);
			assertThat(engine.indexKeys()).isEmpty();
		}
	}

	@Test
	void tellsTheHolderOfTheLapseAtOnceInsideTheirWindowAndNotAtAllOnceRenewed() {
		Msisdn other = Msisdn.of("+32470123457");
		try (EngineHarness engine = new EngineHarness(START)) {
			engine.send(Fixtures.registered(LINE, LocalDate.parse("2027-03-15"), "America/New_York", START));
			engine.send(Fixtures.registered(other, LocalDate.parse("2027-03-15"), "Asia/Shanghai", START));
			// 00:00 Brussels is 19:00 in New York: inside the window
			engine.advanceTo(Instant.parse("2027-03-15T23:00:00Z"));
			engine.advanceTo(Instant.parse("2027-03-15T23:00:01Z"));
			assertThat(engine.emitted(LapseNoticeDue.class)).singleElement()
				.satisfies((notice) -> assertThat(notice.msisdn()).isEqualTo(LINE));
			engine.send(Fixtures.extended(other, LocalDate.parse("2027-04-15"), Instant.parse("2027-03-16T00:30:00Z")));
			engine.advanceTo(Instant.parse("2027-03-16T02:00:00Z"));
			assertThat(engine.emitted(LapseNoticeDue.class)).hasSize(1);
		}
	}

	private static void assertStages(String zone, LocalDate validUntil, List<Integer> stages, List<Instant> dues) {
		try (EngineHarness engine = new EngineHarness(START)) {
			engine.send(Fixtures.registered(LINE, validUntil, zone, stages, false, START));
			for (Instant due : dues) {
				engine.advanceTo(due.minusSeconds(1));
				engine.advanceTo(due);
			}
			List<ReminderDue> reminders = engine.emitted(ReminderDue.class);
			assertThat(reminders).extracting(ReminderDue::stage).containsExactlyElementsOf(stages);
			assertThat(reminders).extracting(ReminderDue::dueAt).containsExactlyElementsOf(dues);
			assertThat(reminders).extracting(ReminderDue::occurredAt).containsExactlyElementsOf(dues);
		}
	}

}
