package io.keepline.scheduler.engine;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.keepline.contracts.Msisdn;
import io.keepline.contracts.OperatorId;
import io.keepline.contracts.deadline.ReminderDue;
import io.keepline.contracts.line.HolderUpdated;
import io.keepline.contracts.line.LineCancelled;
import io.keepline.contracts.line.LineErased;
import io.keepline.contracts.line.LineEvent;
import io.keepline.contracts.line.LineOwner;
import io.keepline.contracts.line.LineRegistered;
import io.keepline.contracts.line.ValidityExtended;
import io.keepline.scheduler.deadline.LineState;
import io.keepline.scheduler.deadline.LineStatus;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The scheduler as the authority on line ownership: another operator's events change
 * nothing on an owned line, and a cancelled line registered by a new operator starts
 * afresh for it.
 */
class LineOwnershipEngineTest {

	private static final Msisdn LINE = Msisdn.of("+32470123456");

	private static final Instant START = Instant.parse("2027-01-01T00:00:00Z");

	private static final LocalDate VALID_UNTIL = LocalDate.parse("2027-03-15");

	@Test
	void ignoresEveryEventOfAnotherOperatorOnAnOwnedLine() {
		try (EngineHarness engine = new EngineHarness(START)) {
			engine.send(Fixtures.registered(LINE, VALID_UNTIL, "Europe/Brussels", START));
			LineState before = engine.state(LINE);

			for (LineEvent event : everyType(Fixtures.PROXIMUS, engine.now())) {
				engine.send(event);
			}

			assertThat(engine.state(LINE)).isEqualTo(before);
			assertThat(engine.state(LINE).owner()).isEqualTo(LineOwner.of(Fixtures.ORANGE));
			engine.advanceTo(Instant.parse("2027-03-16T00:00:00Z"));
			assertThat(engine.emitted(ReminderDue.class)).extracting(ReminderDue::validUntil)
				.containsOnly(VALID_UNTIL)
				.hasSize(3);
		}
	}

	@Test
	void keepsTheFirstRegistrationWhenTwoOperatorsRegisterTheSameNumber() {
		try (EngineHarness engine = new EngineHarness(START)) {
			engine.send(Fixtures.registered(LINE, VALID_UNTIL, "Europe/Brussels", START));
			engine.send(registered(Fixtures.PROXIMUS, LocalDate.parse("2027-09-30"), START.plusMillis(3)));

			assertThat(engine.state(LINE).operator()).isEqualTo(Fixtures.ORANGE);
			assertThat(engine.state(LINE).plan()).isEqualTo("orange-prepaid-15");
			assertThat(engine.state(LINE).cycle().validUntil()).isEqualTo(VALID_UNTIL);
		}
	}

	@Test
	void letsTheOwnerChangeItsLineWhateverOthersSent() {
		try (EngineHarness engine = new EngineHarness(START)) {
			engine.send(Fixtures.registered(LINE, VALID_UNTIL, "Europe/Brussels", START));
			engine.send(new LineCancelled(UUID.randomUUID(), START, LINE, Fixtures.PROXIMUS, "hostile"));

			engine.send(Fixtures.extended(LINE, LocalDate.parse("2027-06-30"), engine.now()));

			assertThat(engine.state(LINE).status()).isEqualTo(LineStatus.ACTIVE);
			assertThat(engine.state(LINE).cycle().validUntil()).isEqualTo(LocalDate.parse("2027-06-30"));
		}
	}

	@Test
	void startsAfreshForTheNewOperatorOfACancelledLine() {
		try (EngineHarness engine = new EngineHarness(START)) {
			engine.send(Fixtures.registered(LINE, VALID_UNTIL, "Europe/Brussels", List.of(30, 7, 1), true, START));
			engine.send(Fixtures.cardSaved(LINE, START));
			engine.send(Fixtures.cancelled(LINE, START.plusSeconds(60)));

			engine.send(registered(Fixtures.PROXIMUS, LocalDate.parse("2027-02-28"), START.plusSeconds(120)));

			LineState ported = engine.state(LINE);
			assertThat(ported.owner()).isEqualTo(LineOwner.of(Fixtures.PROXIMUS));
			assertThat(ported.operator()).isEqualTo(Fixtures.PROXIMUS);
			assertThat(ported.status()).isEqualTo(LineStatus.ACTIVE);
			assertThat(ported.cycle().validUntil()).isEqualTo(LocalDate.parse("2027-02-28"));
			assertThat(ported.paymentMethod()).isNull();
			assertThat(ported.autoRenew()).isFalse();
			assertThat(ported.history()).hasSize(1).allSatisfy((entry) -> assertThat(entry).contains("LineRegistered"));
			engine.send(Fixtures.extended(LINE, LocalDate.parse("2027-12-31"), engine.now()));
			assertThat(engine.state(LINE).cycle().validUntil()).isEqualTo(LocalDate.parse("2027-02-28"));
		}
	}

	@Test
	void refusesAnotherOperatorAnythingButARegistrationOnACancelledLine() {
		try (EngineHarness engine = new EngineHarness(START)) {
			engine.send(Fixtures.registered(LINE, VALID_UNTIL, "Europe/Brussels", START));
			engine.send(Fixtures.cancelled(LINE, START.plusSeconds(60)));
			LineState cancelled = engine.state(LINE);

			for (LineEvent event : everyType(Fixtures.PROXIMUS, engine.now()).subList(1, 5)) {
				engine.send(event);
			}

			assertThat(engine.state(LINE)).isEqualTo(cancelled);
			assertThat(cancelled.owner()).isEqualTo(LineOwner.of(Fixtures.ORANGE).release());
		}
	}

	@Test
	void anErasedLineMayBeRegisteredByAnyOperator() {
		try (EngineHarness engine = new EngineHarness(START)) {
			engine.send(Fixtures.registered(LINE, VALID_UNTIL, "Europe/Brussels", START));
			engine.send(Fixtures.erased(LINE, START.plusSeconds(60)));

			engine.send(registered(Fixtures.PROXIMUS, VALID_UNTIL, START.plusSeconds(120)));

			assertThat(engine.state(LINE).owner()).isEqualTo(LineOwner.of(Fixtures.PROXIMUS));
		}
	}

	/** One event of each type from {@code operator}, the registration first. */
	private static List<LineEvent> everyType(OperatorId operator, Instant at) {
		return List.of(registered(operator, LocalDate.parse("2027-09-30"), at),
				new ValidityExtended(UUID.randomUUID(), at, LINE, operator, LocalDate.parse("2027-12-31")),
				new HolderUpdated(UUID.randomUUID(), at, LINE, operator, Fixtures.holder("Asia/Shanghai"), List.of(2),
						true),
				new LineCancelled(UUID.randomUUID(), at, LINE, operator, "not theirs"),
				new LineErased(UUID.randomUUID(), at, LINE, operator));
	}

	private static LineRegistered registered(OperatorId operator, LocalDate validUntil, Instant at) {
		return new LineRegistered(UUID.randomUUID(), at, LINE, operator, operator + "-prepaid-10", validUntil,
				Fixtures.PRICE, Fixtures.holder("Europe/Brussels"), null, false);
	}

}
