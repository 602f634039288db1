package io.keepline.scheduler.engine;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

import io.keepline.contracts.Holder;
import io.keepline.contracts.HolderLocale;
import io.keepline.contracts.Msisdn;
import io.keepline.contracts.deadline.AutoRenewalDue;
import io.keepline.contracts.deadline.ReminderDue;
import io.keepline.contracts.line.LineRegistered;
import io.keepline.contracts.linerecord.AutoRenewal;
import io.keepline.contracts.linerecord.CycleState;
import io.keepline.contracts.linerecord.LineRecord;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A recycled number: its next holder inherits no saved card, no opt-in and no cycle of
 * the previous one, whether the line was cancelled, re-registered, lapsed or erased
 * first.
 */
class RecycledNumberTest {

	private static final Msisdn LINE = Msisdn.of("+32470123456");

	private static final Instant START = Instant.parse("2027-01-01T00:00:00Z");

	private static final LocalDate VALID_UNTIL = LocalDate.parse("2027-03-15");

	private static final Holder NEXT_HOLDER = new Holder("Ana Costa", "ana@example.com", null, (URI) null,
			HolderLocale.EN, ZoneId.of("Europe/Brussels"));

	@Test
	void aNewHolderAfterACancellationIsNeverChargedOnTheOldCard() {
		try (EngineHarness engine = optedIn()) {
			engine.send(Fixtures.cancelled(LINE, START.plusSeconds(60)));
			assertThat(last(engine).autoRenewal().method()).isNull();
			engine.send(nextHolder(START.plusSeconds(120)));
			engine.advanceTo(Instant.parse("2027-03-16T00:00:00Z"));
			assertThat(engine.emitted(AutoRenewalDue.class)).isEmpty();
			assertThat(engine.emitted(ReminderDue.class)).isNotEmpty()
				.allSatisfy((reminder) -> assertThat(reminder.plannedCharge()).isNull());
			assertThat(last(engine).autoRenewal()).isEqualTo(new AutoRenewal(true, false, null));
			assertThat(last(engine).holder()).isEqualTo(NEXT_HOLDER);
		}
	}

	@Test
	void aReRegistrationWithAnotherHolderForgetsTheCardAndTheCycleButTheSameHolderKeepsThem() {
		try (EngineHarness engine = optedIn()) {
			engine.send(Fixtures.registered(LINE, VALID_UNTIL, "Asia/Shanghai", null, true, START.plusSeconds(60)));
			assertThat(last(engine).autoRenewal().method()).isNotNull();
			engine.send(Fixtures.paid(LINE, VALID_UNTIL, "pi_old_holder", START.plusSeconds(90)));
			assertThat(last(engine).cycleState()).isEqualTo(CycleState.RENEWED);
			engine.send(nextHolder(START.plusSeconds(120)));
			LineRecord record = last(engine);
			assertThat(record.autoRenewal()).isEqualTo(new AutoRenewal(true, false, null));
			assertThat(record.cycleState()).isEqualTo(CycleState.OPEN);
			assertThat(record.registeredAt()).isEqualTo(START.plusSeconds(120));
			assertThat(engine.state(LINE).paidCycles()).isEmpty();
			assertThat(engine.state(LINE).history()).noneMatch((line) -> line.contains("PaymentMethodSaved"));
		}
	}

	@Test
	void aLatePaymentMethodSavedAfterAnErasureLeavesNothingForTheNextHolder() {
		try (EngineHarness engine = optedIn()) {
			engine.send(Fixtures.erased(LINE, START.plusSeconds(60)));
			engine.send(Fixtures.cardSaved(LINE, START.plusSeconds(90)));
			assertThat(engine.state(LINE)).isNull();
			assertThat(last(engine.records()).value()).isNull();
			engine.send(nextHolder(START.plusSeconds(120)));
			engine.advanceTo(Instant.parse("2027-03-16T00:00:00Z"));
			assertThat(engine.emitted(AutoRenewalDue.class)).isEmpty();
			assertThat(last(engine).autoRenewal()).isEqualTo(new AutoRenewal(true, false, null));
		}
	}

	@Test
	void aLapseForgetsTheCardAndACardSavedAfterItIsRefused() {
		try (EngineHarness engine = optedIn()) {
			engine.advanceTo(Instant.parse("2027-03-12T09:00:00Z"));
			engine.send(Fixtures.chargeFailed(LINE, VALID_UNTIL, 1, false, engine.now()));
			engine.advanceTo(Instant.parse("2027-03-16T00:00:00Z"));
			assertThat(last(engine).cycleState()).isEqualTo(CycleState.LAPSED);
			assertThat(last(engine).autoRenewal().method()).isNull();
			engine.send(Fixtures.cardSaved(LINE, engine.now()));
			assertThat(last(engine).autoRenewal().method()).isNull();
		}
	}

	private static LineRecord last(EngineHarness engine) {
		return last(engine.records(LINE));
	}

	private static LineRegistered nextHolder(Instant at) {
		return new LineRegistered(UUID.randomUUID(), at, LINE, Fixtures.ORANGE, "orange-prepaid-15", VALID_UNTIL,
				Fixtures.PRICE, NEXT_HOLDER, null, true);
	}

	private static EngineHarness optedIn() {
		EngineHarness engine = new EngineHarness(START);
		engine.send(Fixtures.registered(LINE, VALID_UNTIL, "Europe/Brussels", null, true, START));
		engine.send(Fixtures.cardSaved(LINE, START));
		return engine;
	}

	private static <T> T last(java.util.List<T> list) {
		return list.get(list.size() - 1);
	}

}
