package io.keepline.scheduler.engine;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import io.keepline.contracts.Msisdn;
import io.keepline.contracts.deadline.LineLapsed;
import io.keepline.contracts.deadline.ReminderDue;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A line stored by the version that put every planned entry in the due index at once
 * keeps firing each deadline once, in order, whether the index was written that way
 * before or after some of its reminders fired; entries that a later plan drops leave the
 * index. And a line indexed one deadline at a time fires the deadlines that fell due
 * while the engine was away in one punctuation, as before.
 */
class PlanIndexedWholeTest {

	private static final Msisdn LINE = Msisdn.of("+32470123456");

	private static final Instant START = Instant.parse("2027-01-01T00:00:00Z");

	private static final LocalDate VALID_UNTIL = LocalDate.parse("2027-03-15");

	/** 10:00 in Brussels seven days before validUntil. */
	private static final Instant D7 = Instant.parse("2027-03-08T09:00:00Z");

	private static final Instant AFTER_LAPSE = Instant.parse("2027-03-16T12:00:00Z");

	@Test
	void firesEveryDeadlineOnceWhenTheWholePlanIsIndexed() {
		try (EngineHarness engine = new EngineHarness(START)) {
			engine.send(Fixtures.registered(LINE, VALID_UNTIL, "Europe/Brussels", List.of(30, 7, 1), false, START));
			engine.indexEveryPlannedEntry(LINE);
			assertThat(engine.indexKeys()).hasSize(4);
			engine.advanceTo(Instant.parse("2027-02-13T09:00:00Z"));
			engine.advanceTo(D7);
			engine.advanceTo(Instant.parse("2027-03-14T09:00:00Z"));
			engine.advanceTo(AFTER_LAPSE);
			assertThat(engine.emitted(ReminderDue.class)).extracting(ReminderDue::stage).containsExactly(30, 7, 1);
			assertThat(engine.emitted(LineLapsed.class)).hasSize(1);
			assertThat(engine.storedState(LINE).cycle().lapsed()).isTrue();
			assertThat(engine.indexKeys()).isEmpty();
		}
	}

	@Test
	void readsRemindersFiredUnderTheWholePlanAsFired() {
		try (EngineHarness engine = new EngineHarness(START)) {
			engine.send(Fixtures.registered(LINE, VALID_UNTIL, "Europe/Brussels", List.of(30, 7, 1), false, START));
			engine.indexEveryPlannedEntry(LINE);
			engine.advanceTo(D7);
			assertThat(engine.emitted(ReminderDue.class)).extracting(ReminderDue::stage).containsExactly(30, 7);
			assertThat(engine.state(LINE).planned()).extracting((entry) -> entry.milestone().code())
				.containsExactly("R1", "L0");
			assertThat(engine.state(LINE).history()).last().asString().endsWith("ReminderDue R7");
			engine.advanceTo(AFTER_LAPSE);
			assertThat(engine.emitted(ReminderDue.class)).extracting(ReminderDue::stage).containsExactly(30, 7, 1);
			assertThat(engine.emitted(LineLapsed.class)).hasSize(1);
			assertThat(engine.indexKeys()).isEmpty();
		}
	}

	@Test
	void dropsTheEntriesALaterPlanNoLongerHas() {
		try (EngineHarness engine = new EngineHarness(START)) {
			engine.send(Fixtures.registered(LINE, VALID_UNTIL, "Europe/Brussels", List.of(7, 1), false, START));
			engine.indexEveryPlannedEntry(LINE);
			assertThat(engine.indexKeys()).hasSize(3);
			engine.send(Fixtures.updated(LINE, null, List.of(7), null, START.plusSeconds(60)));
			// R7 and the lapse stay, R1 is gone
			assertThat(engine.indexKeys()).hasSize(2);
			engine.advanceTo(AFTER_LAPSE);
			assertThat(engine.emitted(ReminderDue.class)).extracting(ReminderDue::stage).containsExactly(7);
			assertThat(engine.emitted(LineLapsed.class)).hasSize(1);
			assertThat(engine.indexKeys()).isEmpty();
		}
	}

	@Test
	void firesWhatFellDueMeanwhileInOnePunctuation() {
		try (EngineHarness engine = new EngineHarness(START)) {
			engine.send(Fixtures.registered(LINE, VALID_UNTIL, "Europe/Brussels", List.of(30, 7, 1), false, START));
			Instant back = Instant.parse("2027-03-14T12:00:00Z");
			engine.advanceTo(back);
			assertThat(engine.emitted(ReminderDue.class)).extracting(ReminderDue::stage).containsExactly(30, 7, 1);
			assertThat(engine.emitted(ReminderDue.class)).extracting(ReminderDue::occurredAt).containsOnly(back);
			assertThat(engine.state(LINE).planned()).extracting((entry) -> entry.milestone().code())
				.containsExactly("L0");
			assertThat(engine.indexKeys()).hasSize(1);
			assertThat(engine.storedState(LINE).cycle().done()).isEmpty();
		}
	}

}
