package io.keepline.scheduler.engine;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.keepline.contracts.Msisdn;
import io.keepline.contracts.deadline.DeadlineEvent;
import io.keepline.contracts.deadline.LineLapsed;
import io.keepline.contracts.deadline.ReminderDue;
import io.keepline.contracts.line.LineRegistered;
import io.keepline.contracts.linerecord.LineRecord;
import io.keepline.scheduler.deadline.LineStatus;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Extensions, holder updates, cancellation, erasure, duplicates and out-of-order input.
 */
class LineLifecycleTest {

	private static final Msisdn LINE = Msisdn.of("+32470123456");

	private static final Instant START = Instant.parse("2027-01-01T00:00:00Z");

	private static final LocalDate VALID_UNTIL = LocalDate.parse("2027-03-15");

	@Test
	void startsANewCycleOnExtensionAndCancelsTheOldReminders() {
		try (EngineHarness engine = registered()) {
			engine.advanceTo(Instant.parse("2027-02-13T09:00:00Z"));
			engine.send(Fixtures.extended(LINE, LocalDate.parse("2027-06-30"), engine.now()));
			engine.advanceTo(Instant.parse("2027-07-01T00:00:00Z"));
			assertThat(engine.emitted(ReminderDue.class))
				.extracting((reminder) -> reminder.validUntil() + "/" + reminder.stage())
				.containsExactly("2027-03-15/30", "2027-06-30/30", "2027-06-30/7", "2027-06-30/1");
			assertThat(engine.emitted(LineLapsed.class)).extracting(LineLapsed::validUntil)
				.containsExactly(LocalDate.parse("2027-06-30"));
		}
	}

	@Test
	void ignoresAnExtensionOlderThanTheCurrentValidity() {
		try (EngineHarness engine = registered()) {
			engine.send(Fixtures.extended(LINE, LocalDate.parse("2027-02-01"), engine.now()));
			engine.send(Fixtures.extended(LINE, VALID_UNTIL, engine.now()));
			assertThat(engine.state(LINE).cycle().validUntil()).isEqualTo(VALID_UNTIL);
			engine.advanceTo(Instant.parse("2027-03-16T00:00:00Z"));
			assertThat(engine.emitted(ReminderDue.class)).extracting(ReminderDue::stage).containsExactly(30, 7, 1);
		}
	}

	@Test
	void movesPendingRemindersToTheNewTimeZoneAndLeadDays() {
		try (EngineHarness engine = registered()) {
			engine.send(Fixtures.updated(LINE, "America/New_York", List.of(10, 1), null, engine.now()));
			engine.advanceTo(Instant.parse("2027-03-16T00:00:00Z"));
			assertThat(engine.emitted(ReminderDue.class)).extracting(ReminderDue::dueAt)
				.containsExactly(Instant.parse("2027-03-05T15:00:00Z"), Instant.parse("2027-03-14T14:00:00Z"));
			List<LineRecord> records = engine.records(LINE);
			assertThat(records.get(records.size() - 1).holder().timeZone().getId()).isEqualTo("America/New_York");
		}
	}

	@Test
	void emitsNothingMoreForACancelledLine() {
		try (EngineHarness engine = registered()) {
			engine.advanceTo(Instant.parse("2027-02-13T09:00:00Z"));
			engine.send(Fixtures.cancelled(LINE, engine.now()));
			engine.advanceTo(Instant.parse("2027-04-01T00:00:00Z"));
			assertThat(engine.emitted()).hasSize(1);
			assertThat(engine.state(LINE).status()).isEqualTo(LineStatus.CANCELLED);
			assertThat(engine.indexKeys()).isEmpty();
		}
	}

	@Test
	void forgetsAnErasedLineEntirely() {
		try (EngineHarness engine = registered()) {
			engine.send(Fixtures.cardSaved(LINE, engine.now()));
			engine.send(Fixtures.erased(LINE, engine.now()));
			assertThat(engine.state(LINE)).isNull();
			assertThat(engine.indexKeys()).isEmpty();
			engine.advanceTo(Instant.parse("2027-04-01T00:00:00Z"));
			assertThat(engine.emitted()).isEmpty();
		}
	}

	@Test
	void ignoresADuplicateRegistration() {
		try (EngineHarness engine = new EngineHarness(START)) {
			LineRegistered registration = Fixtures.registered(LINE, VALID_UNTIL, "Europe/Brussels", START);
			engine.send(registration);
			engine.send(Fixtures.extended(LINE, LocalDate.parse("2027-06-30"), START));
			engine.send(registration);
			assertThat(engine.state(LINE).cycle().validUntil()).isEqualTo(LocalDate.parse("2027-06-30"));
		}
	}

	@Test
	void keepsTheNewerProfileWhenARegistrationArrivesLate() {
		try (EngineHarness engine = new EngineHarness(START)) {
			engine.send(Fixtures.cardSaved(LINE, START));
			engine.send(Fixtures.extended(LINE, LocalDate.parse("2027-06-30"), START));
			engine.send(Fixtures.registered(LINE, VALID_UNTIL, "Europe/Brussels", START.minusSeconds(60)));
			engine.send(Fixtures.updated(LINE, "Asia/Shanghai", null, null, START.minusSeconds(30)));
			engine.send(Fixtures.registered(LINE, VALID_UNTIL, "America/New_York", START.minusSeconds(90)));
			assertThat(engine.state(LINE).holder().timeZone().getId()).isEqualTo("Asia/Shanghai");
			assertThat(engine.state(LINE).cycle().validUntil()).isEqualTo(LocalDate.parse("2027-06-30"));
			// a card saved for a line nobody holds yet belongs to no holder
			assertThat(engine.state(LINE).paymentMethod()).isNull();
		}
	}

	@Test
	void givesEveryDeadlineADeterministicEventId() {
		try (EngineHarness engine = registered()) {
			engine.advanceTo(Instant.parse("2027-03-16T00:00:00Z"));
			List<DeadlineEvent> events = engine.emitted();
			assertThat(events).hasSize(4);
			assertThat(events.get(0).eventId())
				.isEqualTo(UUID.nameUUIDFromBytes("keepline:deadline:+32470123456:2027-03-15:reminder:30".getBytes()));
			assertThat(events).extracting(DeadlineEvent::eventId).doesNotHaveDuplicates();
		}
	}

	private static EngineHarness registered() {
		EngineHarness engine = new EngineHarness(START);
		engine.send(Fixtures.registered(LINE, VALID_UNTIL, "Europe/Brussels", START));
		return engine;
	}

}
