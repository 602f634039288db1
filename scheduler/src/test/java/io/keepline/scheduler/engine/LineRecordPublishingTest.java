package io.keepline.scheduler.engine;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import io.keepline.contracts.Msisdn;
import io.keepline.contracts.deadline.AutoRenewalDue;
import io.keepline.contracts.deadline.LineLapsed;
import io.keepline.contracts.deadline.RefundDue;
import io.keepline.contracts.deadline.ReminderDue;
import io.keepline.contracts.line.LineRegistered;
import io.keepline.contracts.linerecord.AutoRenewal;
import io.keepline.contracts.linerecord.CycleState;
import io.keepline.contracts.linerecord.LineRecord;
import io.keepline.contracts.linerecord.SavedMethod;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The line record on the lines topic: written with the deadline events whenever one of
 * its fields changes, not when a deadline fires without changing it, a tombstone on
 * erasure.
 */
class LineRecordPublishingTest {

	private static final Msisdn LINE = Msisdn.of("+32470123456");

	private static final Instant START = Instant.parse("2027-01-01T00:00:00Z");

	private static final LocalDate VALID_UNTIL = LocalDate.parse("2027-03-15");

	@Test
	void publishesTheRegisteredLine() {
		try (EngineHarness engine = started()) {
			LineRegistered registration = Fixtures.registered(LINE, VALID_UNTIL, "Asia/Shanghai", START);
			engine.send(registration);
			assertThat(engine.records(LINE)).singleElement().satisfies((record) -> {
				assertThat(record.msisdn()).isEqualTo(LINE);
				assertThat(record.operator()).isEqualTo(Fixtures.ORANGE);
				assertThat(record.plan()).isEqualTo("orange-prepaid-15");
				assertThat(record.validUntil()).isEqualTo(VALID_UNTIL);
				assertThat(record.cycleState()).isEqualTo(CycleState.OPEN);
				assertThat(record.price()).isEqualTo(Fixtures.PRICE);
				assertThat(record.autoRenewal()).isEqualTo(AutoRenewal.OFF);
				assertThat(record.holder()).isEqualTo(registration.holder());
				assertThat(record.registeredAt()).isEqualTo(START);
				assertThat(record.updatedAt()).isEqualTo(engine.now());
			});
		}
	}

	@Test
	void publishesAReRegistrationWithItsNewHolderAndInstant() {
		try (EngineHarness engine = started()) {
			engine.send(Fixtures.registered(LINE, VALID_UNTIL, "Europe/Brussels", START));
			Instant again = START.plusSeconds(3600);
			engine.send(Fixtures.registered(LINE, VALID_UNTIL, "America/New_York", List.of(7), true, again));
			assertThat(engine.records(LINE)).hasSize(2).last().satisfies((record) -> {
				assertThat(record.registeredAt()).isEqualTo(again);
				assertThat(record.holder().timeZone().getId()).isEqualTo("America/New_York");
				assertThat(record.autoRenewal()).isEqualTo(new AutoRenewal(true, false, null));
			});
		}
	}

	@Test
	void publishesTheNewValidityOfAnExtension() {
		try (EngineHarness engine = registered()) {
			engine.send(Fixtures.extended(LINE, LocalDate.parse("2027-06-30"), engine.now()));
			engine.send(Fixtures.extended(LINE, LocalDate.parse("2027-05-01"), engine.now()));
			assertThat(engine.records(LINE)).hasSize(2).last().satisfies((record) -> {
				assertThat(record.validUntil()).isEqualTo(LocalDate.parse("2027-06-30"));
				assertThat(record.cycleState()).isEqualTo(CycleState.OPEN);
			});
		}
	}

	@Test
	void publishesAHolderUpdateButNotOneThatChangesOnlyTheLeadDays() {
		try (EngineHarness engine = registered()) {
			engine.send(Fixtures.updated(LINE, "Asia/Shanghai", null, true, engine.now()));
			engine.send(Fixtures.updated(LINE, null, List.of(14, 2), null, engine.now()));
			List<LineRecord> records = engine.records(LINE);
			assertThat(records).hasSize(2).last().satisfies((record) -> {
				assertThat(record.holder().timeZone().getId()).isEqualTo("Asia/Shanghai");
				assertThat(record.autoRenewal().operatorAllows()).isTrue();
				assertThat(record.autoRenewal().holderOptedIn()).isFalse();
			});
		}
	}

	@Test
	void publishesACancellation() {
		try (EngineHarness engine = registered()) {
			engine.send(Fixtures.cancelled(LINE, engine.now()));
			assertThat(engine.records(LINE)).last()
				.satisfies((record) -> assertThat(record.cycleState()).isEqualTo(CycleState.CANCELLED))
				.satisfies((record) -> assertThat(record.managed()).isFalse());
		}
	}

	@Test
	void publishesTheRenewalOnceAndNotTheRefundOfASecondPayment() {
		try (EngineHarness engine = registered()) {
			engine.send(Fixtures.paid(LINE, VALID_UNTIL, "pi_1", engine.now()));
			engine.send(Fixtures.paid(LINE, VALID_UNTIL, "pi_2", engine.now()));
			assertThat(engine.emitted(RefundDue.class)).hasSize(1);
			assertThat(engine.records(LINE)).hasSize(2).last().satisfies((record) -> {
				assertThat(record.cycleState()).isEqualTo(CycleState.RENEWED);
				assertThat(record.payable(record.cycle())).isFalse();
			});
		}
	}

	@Test
	void publishesTheLapseButNotTheRemindersBeforeIt() {
		try (EngineHarness engine = registered()) {
			engine.advanceTo(Instant.parse("2027-03-15T12:00:00Z"));
			assertThat(engine.emitted(ReminderDue.class)).extracting(ReminderDue::stage).containsExactly(30, 7, 1);
			assertThat(engine.records(LINE)).hasSize(1);
			engine.advanceTo(Instant.parse("2027-03-16T00:00:00Z"));
			assertThat(engine.emitted(LineLapsed.class)).hasSize(1);
			assertThat(engine.records(LINE)).hasSize(2)
				.last()
				.satisfies((record) -> assertThat(record.cycleState()).isEqualTo(CycleState.LAPSED))
				.satisfies((record) -> assertThat(record.updatedAt()).isEqualTo(engine.now()));
		}
	}

	@Test
	void publishesTheSavedCardButNotTheAutomaticChargesOrAFailureThatStopsThem() {
		try (EngineHarness engine = started()) {
			engine.send(Fixtures.registered(LINE, VALID_UNTIL, "Europe/Brussels", null, true, START));
			engine.send(Fixtures.cardSaved(LINE, engine.now()));
			assertThat(engine.records(LINE)).hasSize(2)
				.last()
				.satisfies((record) -> assertThat(record.autoRenewal())
					.isEqualTo(new AutoRenewal(true, true, new SavedMethod("visa", "4242", 12, 2030))))
				.satisfies((record) -> assertThat(record.autoRenewal().active()).isTrue());
			engine.advanceTo(Instant.parse("2027-03-12T09:00:00Z"));
			engine.send(Fixtures.chargeFailed(LINE, VALID_UNTIL, 1, false, engine.now())).tick();
			assertThat(engine.emitted(AutoRenewalDue.class)).hasSize(1);
			assertThat(engine.state(LINE).cycle().autoRenewStopped()).isTrue();
			assertThat(engine.emitted(ReminderDue.class)).hasSizeGreaterThanOrEqualTo(3);
			assertThat(engine.records(LINE)).hasSize(2);
		}
	}

	@Test
	void publishesNothingForEventsBeforeTheRegistrationNorForADuplicate() {
		try (EngineHarness engine = started()) {
			engine.send(Fixtures.cardSaved(LINE, START));
			engine.send(Fixtures.extended(LINE, LocalDate.parse("2027-06-30"), START));
			assertThat(engine.records()).isEmpty();
			LineRegistered registration = Fixtures.registered(LINE, VALID_UNTIL, "Europe/Brussels", START);
			engine.send(registration).send(registration);
			assertThat(engine.records(LINE)).singleElement().satisfies((record) -> {
				assertThat(record.validUntil()).isEqualTo(LocalDate.parse("2027-06-30"));
				assertThat(record.autoRenewal().holderOptedIn()).isFalse();
			});
		}
	}

	@Test
	void publishesATombstoneWhenTheLineIsErased() {
		try (EngineHarness engine = registered()) {
			engine.send(Fixtures.erased(LINE, engine.now()));
			engine.send(Fixtures.erased(LINE, engine.now()));
			assertThat(engine.records()).hasSize(2).last().satisfies((tombstone) -> {
				assertThat(tombstone.key()).isEqualTo(LINE);
				assertThat(tombstone.value()).isNull();
			});
		}
	}

	/** A harness whose first punctuation ran: the backfill of its empty store is done. */
	private static EngineHarness started() {
		EngineHarness engine = new EngineHarness(START);
		engine.tick();
		assertThat(engine.backfillProgress().get(RecordBackfill.DONE)).isNotNull();
		return engine;
	}

	private static EngineHarness registered() {
		EngineHarness engine = started();
		engine.send(Fixtures.registered(LINE, VALID_UNTIL, "Europe/Brussels", engine.now()));
		assertThat(engine.records(LINE)).hasSize(1);
		return engine;
	}

}
