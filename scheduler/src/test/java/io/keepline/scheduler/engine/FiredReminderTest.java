package io.keepline.scheduler.engine;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import io.keepline.contracts.Msisdn;
import io.keepline.contracts.deadline.LapseNoticeDue;
import io.keepline.contracts.deadline.LineLapsed;
import io.keepline.contracts.deadline.ReminderDue;
import io.keepline.scheduler.deadline.DueKind;
import io.keepline.scheduler.deadline.LineState;
import io.keepline.scheduler.deadline.Milestone;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A reminder that changes nothing but mark itself fired writes its index entry's
 * tombstone and the {@code ReminderDue} only; the line is loaded with it fired from then
 * on, by every later event.
 */
class FiredReminderTest {

	private static final Msisdn LINE = Msisdn.of("+32470123456");

	private static final Instant START = Instant.parse("2027-01-01T00:00:00Z");

	private static final LocalDate VALID_UNTIL = LocalDate.parse("2027-03-15");

	/** 10:00 in Brussels seven days before validUntil. */
	private static final Instant D7 = Instant.parse("2027-03-08T09:00:00Z");

	private static final Milestone R7 = Milestone.fired(DueKind.REMINDER, 7);

	@Test
	void writesTwoRecordsForEachPlainReminder() {
		try (EngineHarness engine = new EngineHarness(START)) {
			for (int i = 0; i < 5; i++) {
				engine.send(Fixtures.registered(Msisdn.of(String.format("+32470%06d", i)), VALID_UNTIL,
						"Europe/Brussels", List.of(7, 1), false, START));
			}
			// the first punctuation publishes the line records' backfill
			engine.tick();
			engine.changelog(SchedulerTopology.INDEX_STORE);
			engine.changelog(SchedulerTopology.LINES_STORE);
			int recordsBefore = engine.records().size();
			engine.advanceTo(D7);
			assertThat(engine.emitted(ReminderDue.class)).hasSize(5);
			List<byte[]> indexKeysWritten = engine.changelog(SchedulerTopology.INDEX_STORE)
				.stream()
				.filter((entry) -> entry.key().length > 1)
				.map((entry) -> entry.value())
				.toList();
			assertThat(indexKeysWritten).hasSize(5).containsOnlyNulls();
			assertThat(engine.changelog(SchedulerTopology.LINES_STORE)).isEmpty();
			assertThat(engine.records()).hasSize(recordsBefore);
		}
	}

	@Test
	void laterEventsSeeTheReminderFired() {
		try (EngineHarness engine = new EngineHarness(START)) {
			engine.send(Fixtures.registered(LINE, VALID_UNTIL, "Europe/Brussels", List.of(7, 1), false, START));
			engine.advanceTo(D7);
			assertThat(engine.emitted(ReminderDue.class)).extracting(ReminderDue::stage).containsExactly(7);
			LineState stored = engine.storedState(LINE);
			assertThat(stored.cycle().has(R7)).isFalse();
			assertThat(stored.planned()).anyMatch((entry) -> entry.milestone().equals(R7));
			LineState loaded = engine.state(LINE);
			assertThat(loaded.cycle().has(R7)).isTrue();
			assertThat(loaded.planned()).noneMatch((entry) -> entry.milestone().equals(R7));
			assertThat(loaded.history()).last().asString().endsWith("ReminderDue R7");

			// another zone moves every send instant: a reminder not seen as fired would
			// be planned again
			Instant later = D7.plusSeconds(3_600);
			engine.advanceTo(later);
			engine.send(Fixtures.updated(LINE, "America/New_York", null, null, later));
			assertThat(engine.storedState(LINE).cycle().has(R7)).isTrue();
			engine.advanceTo(Instant.parse("2027-03-16T12:00:00Z"));
			assertThat(engine.emitted(ReminderDue.class)).extracting(ReminderDue::stage).containsExactly(7, 1);
			assertThat(engine.emitted(LineLapsed.class)).hasSize(1);
			assertThat(engine.storedState(LINE).cycle().lapsed()).isTrue();
			// the holder's lapse message, planned by the lapse (which fired at 08:00 in
			// New
			// York), goes out when their window opens at 09:00
			engine.advanceTo(Instant.parse("2027-03-16T12:59:59Z"));
			assertThat(engine.emitted(LapseNoticeDue.class)).isEmpty();
			engine.advanceTo(Instant.parse("2027-03-16T13:00:00Z"));
			assertThat(engine.emitted(LapseNoticeDue.class)).hasSize(1);
			assertThat(engine.indexKeys()).isEmpty();
		}
	}

	@Test
	void erasureAfterAPlainReminderDeletesEveryIndexEntry() {
		try (EngineHarness engine = new EngineHarness(START)) {
			engine.send(Fixtures.registered(LINE, VALID_UNTIL, "Europe/Brussels", List.of(7, 1), false, START));
			engine.advanceTo(D7);
			assertThat(engine.indexKeys()).hasSize(2);
			engine.send(Fixtures.erased(LINE, D7));
			assertThat(engine.indexKeys()).isEmpty();
			assertThat(engine.storedState(LINE)).isNull();
			engine.advanceTo(Instant.parse("2027-03-16T12:00:00Z"));
			assertThat(engine.emitted(ReminderDue.class)).hasSize(1);
		}
	}

}
