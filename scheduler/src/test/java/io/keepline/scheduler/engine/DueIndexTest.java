package io.keepline.scheduler.engine;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import io.keepline.contracts.Msisdn;
import io.keepline.contracts.deadline.ReminderDue;
import io.keepline.scheduler.deadline.EngineSettings;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The punctuator drains a backlog in batches capped by count and time, in due order. */
class DueIndexTest {

	private static final Instant START = Instant.parse("2027-03-14T00:00:00Z");

	@Test
	void drainsABacklogOverSeveralPunctuations() {
		try (EngineHarness engine = new EngineHarness(START, EngineSettings.defaults().withMaxPerPunctuation(100))) {
			for (int i = 0; i < 250; i++) {
				Msisdn line = Msisdn.of(String.format("+32470%06d", i));
				engine.send(Fixtures.registered(line, LocalDate.parse("2027-03-15"), "Europe/Brussels", List.of(1),
						false, START));
			}
			engine.advanceTo(Instant.parse("2027-03-14T09:00:00Z"));
			assertThat(engine.emitted(ReminderDue.class)).hasSize(100);
			engine.tick();
			assertThat(engine.emitted(ReminderDue.class)).hasSize(200);
			engine.tick();
			engine.tick();
			assertThat(engine.emitted(ReminderDue.class)).hasSize(250);
			assertThat(engine.emitted(ReminderDue.class)).extracting(ReminderDue::msisdn).doesNotHaveDuplicates();
			assertThat(engine.indexKeys()).hasSize(250);
		}
	}

	@Test
	void writesOneTombstoneAndNoLineStateForEachFiredReminder() {
		try (EngineHarness engine = new EngineHarness(START)) {
			for (int i = 0; i < 3; i++) {
				Msisdn line = Msisdn.of(String.format("+32470%06d", i));
				engine.send(Fixtures.registered(line, LocalDate.parse("2027-03-15"), "Europe/Brussels", List.of(1),
						false, START));
			}
			assertThat(engine.changelog(SchedulerTopology.INDEX_STORE)).filteredOn((entry) -> entry.value() == null)
				.isEmpty();
			assertThat(engine.changelog(SchedulerTopology.LINES_STORE)).hasSize(3);
			engine.advanceTo(Instant.parse("2027-03-14T09:00:00Z"));
			assertThat(engine.emitted(ReminderDue.class)).hasSize(3);
			assertThat(engine.changelog(SchedulerTopology.INDEX_STORE)).filteredOn((entry) -> entry.value() == null)
				.hasSize(3);
			assertThat(engine.changelog(SchedulerTopology.LINES_STORE)).isEmpty();
		}
	}

	@Test
	void stopsAPunctuationOnceItsTimeBudgetIsSpent() {
		EngineSettings settings = EngineSettings.defaults().withMaxPunctuationTime(Duration.ofMillis(50));
		try (EngineHarness engine = new EngineHarness(START, settings)) {
			for (int i = 0; i < 12; i++) {
				Msisdn line = Msisdn.of(String.format("+32470%06d", i));
				engine.send(Fixtures.registered(line, LocalDate.parse("2027-03-15"), "Europe/Brussels", List.of(1),
						false, START));
			}
			// The punctuation reads the elapsed time once to start
			// and once after each entry.
			engine.elapsedTimeAdvancesOnEveryRead(Duration.ofMillis(10));
			engine.advanceTo(Instant.parse("2027-03-14T09:00:00Z"));
			assertThat(engine.emitted(ReminderDue.class)).hasSize(5);
			engine.tick();
			assertThat(engine.emitted(ReminderDue.class)).hasSize(10);
			engine.tick();
			assertThat(engine.emitted(ReminderDue.class)).hasSize(12);
			assertThat(engine.emitted(ReminderDue.class)).extracting(ReminderDue::msisdn).doesNotHaveDuplicates();
			engine.tick();
			assertThat(engine.emitted(ReminderDue.class)).hasSize(12);
		}
	}

	@Test
	void spendsItsTimeBudgetInRealTimeHoweverFastTheEngineClockRuns() {
		try (EngineHarness engine = new EngineHarness(START, EngineSettings.defaults().withMaxPerPunctuation(100))) {
			for (int i = 0; i < 250; i++) {
				Msisdn line = Msisdn.of(String.format("+32470%06d", i));
				engine.send(Fixtures.registered(line, LocalDate.parse("2027-03-15"), "Europe/Brussels", List.of(1),
						false, START));
			}
			// an accelerated clock: a scheduler hour passes between two reads
			engine.clockAdvancesOnEveryRead(Duration.ofHours(1));
			engine.advanceTo(Instant.parse("2027-03-14T09:00:00Z"));
			assertThat(engine.emitted(ReminderDue.class)).hasSize(100);
			engine.tick();
			assertThat(engine.emitted(ReminderDue.class)).hasSize(200);
		}
	}

	@Test
	void emitsInDueOrderAcrossLines() {
		try (EngineHarness engine = new EngineHarness(START)) {
			engine.send(Fixtures.registered(Msisdn.of("+32470000001"), LocalDate.parse("2027-03-15"), "Europe/Brussels",
					List.of(1), false, START));
			engine.send(Fixtures.registered(Msisdn.of("+32470000002"), LocalDate.parse("2027-03-15"), "Asia/Shanghai",
					List.of(1), false, START));
			engine.advanceTo(Instant.parse("2027-03-14T12:00:00Z"));
			assertThat(engine.emitted(ReminderDue.class)).extracting((reminder) -> reminder.msisdn().value())
				.containsExactly("+32470000002", "+32470000001");
		}
	}

}
