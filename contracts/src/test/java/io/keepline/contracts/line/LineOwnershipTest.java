package io.keepline.contracts.line;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import io.keepline.contracts.Holder;
import io.keepline.contracts.HolderLocale;
import io.keepline.contracts.Money;
import io.keepline.contracts.Msisdn;
import io.keepline.contracts.OperatorId;
import io.keepline.contracts.samples.EventSamples;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

class LineOwnershipTest {

	static final Msisdn LINE = Msisdn.of("+32470123456");

	static final OperatorId ORANGE = OperatorId.of("orange");

	static final OperatorId PROXIMUS = OperatorId.of("proximus");

	static final Instant AT = Instant.parse("2026-11-25T12:00:00Z");

	/** One event of each type, for a given sender. */
	static final List<Function<OperatorId, LineEvent>> EVERY_TYPE = List.of(LineOwnershipTest::registered,
			LineOwnershipTest::extended, LineOwnershipTest::updated, LineOwnershipTest::cancelled,
			LineOwnershipTest::erased);

	@Test
	void decidesOnEveryLineEventType() {
		for (LineEvent event : EventSamples.everyPermitted(LineEvent.class)) {
			LineOwner owner = LineOwner.of(event.operator());
			assertThat(LineOwnership.apply(owner, event).allowed()).as(event.getClass().getSimpleName()).isTrue();
			assertThatCode(() -> LineOwnership.apply(null, event)).as(event.getClass().getSimpleName())
				.doesNotThrowAnyException();
		}
	}

	@Test
	void theFirstRegistrationClaimsALineNobodyOwns() {
		LineOwnership.Decision decision = LineOwnership.apply(null, registered(ORANGE));

		assertThat(decision.allowed()).isTrue();
		assertThat(decision.owner()).isEqualTo(LineOwner.of(ORANGE));
	}

	@Test
	void allowsEveryEventOnALineNobodyOwnsButOnlyARegistrationClaimsIt() {
		for (Function<OperatorId, LineEvent> type : EVERY_TYPE.subList(1, EVERY_TYPE.size())) {
			LineOwnership.Decision decision = LineOwnership.apply(null, type.apply(PROXIMUS));

			assertThat(decision.allowed()).as(type.apply(PROXIMUS).getClass().getSimpleName()).isTrue();
			assertThat(decision.owner()).isNull();
		}
	}

	@Test
	void refusesEveryEventOfAnotherOperatorOnAnOwnedLineAndKeepsTheOwner() {
		LineOwner orange = LineOwner.of(ORANGE);
		for (Function<OperatorId, LineEvent> type : EVERY_TYPE) {
			LineOwnership.Decision decision = LineOwnership.apply(orange, type.apply(PROXIMUS));

			assertThat(decision.allowed()).as(type.apply(PROXIMUS).getClass().getSimpleName()).isFalse();
			assertThat(decision.owner()).isSameAs(orange);
		}
	}

	@Test
	void allowsTheOwnerEveryEvent() {
		LineOwner orange = LineOwner.of(ORANGE);

		assertThat(LineOwnership.apply(orange, registered(ORANGE))).isEqualTo(allowed(orange));
		assertThat(LineOwnership.apply(orange, extended(ORANGE))).isEqualTo(allowed(orange));
		assertThat(LineOwnership.apply(orange, updated(ORANGE))).isEqualTo(allowed(orange));
		assertThat(LineOwnership.apply(orange, cancelled(ORANGE))).isEqualTo(allowed(orange.release()));
		assertThat(LineOwnership.apply(orange, erased(ORANGE))).isEqualTo(allowed(null));
	}

	@Test
	void aCancelledLineMayBeRegisteredByAnotherOperatorWhichThenOwnsIt() {
		LineOwner released = LineOwner.of(ORANGE).release();

		LineOwnership.Decision ported = LineOwnership.apply(released, registered(PROXIMUS));

		assertThat(ported).isEqualTo(allowed(LineOwner.of(PROXIMUS)));
		assertThat(LineOwnership.apply(ported.owner(), extended(ORANGE)).allowed()).isFalse();
	}

	@Test
	void anotherOperatorMayDoNothingButRegisterOnACancelledLine() {
		LineOwner released = LineOwner.of(ORANGE).release();
		for (Function<OperatorId, LineEvent> type : EVERY_TYPE.subList(1, EVERY_TYPE.size())) {
			LineOwnership.Decision decision = LineOwnership.apply(released, type.apply(PROXIMUS));

			assertThat(decision.allowed()).as(type.apply(PROXIMUS).getClass().getSimpleName()).isFalse();
			assertThat(decision.owner()).isSameAs(released);
		}
	}

	@Test
	void theOwnerOfACancelledLineMayRegisterItAgainOrEraseIt() {
		LineOwner released = LineOwner.of(ORANGE).release();

		assertThat(LineOwnership.apply(released, registered(ORANGE))).isEqualTo(allowed(LineOwner.of(ORANGE)));
		assertThat(LineOwnership.apply(released, extended(ORANGE))).isEqualTo(allowed(released));
		assertThat(LineOwnership.apply(released, cancelled(ORANGE))).isEqualTo(allowed(released));
		assertThat(LineOwnership.apply(released, erased(ORANGE))).isEqualTo(allowed(null));
	}

	@Test
	void anErasedLineIsNobodysAndMayBeRegisteredByAnyOperator() {
		LineOwner afterErasure = LineOwnership.apply(LineOwner.of(ORANGE), erased(ORANGE)).owner();

		assertThat(LineOwnership.apply(afterErasure, registered(PROXIMUS))).isEqualTo(allowed(LineOwner.of(PROXIMUS)));
	}

	@Test
	void allowsTellsTheSameAsApplyWithoutTheEvent() {
		List<LineOwner> owners = Arrays.asList(null, LineOwner.of(ORANGE), LineOwner.of(ORANGE).release());
		for (LineOwner owner : owners) {
			for (OperatorId sender : List.of(ORANGE, PROXIMUS)) {
				for (Function<OperatorId, LineEvent> type : EVERY_TYPE) {
					LineEvent event = type.apply(sender);
					assertThat(LineOwnership.allows(owner, sender, event instanceof LineRegistered))
						.as("%s %s on %s", sender, event.getClass().getSimpleName(), owner)
						.isEqualTo(LineOwnership.apply(owner, event).allowed());
				}
			}
		}
	}

	static LineOwnership.Decision allowed(LineOwner owner) {
		return new LineOwnership.Decision(true, owner);
	}

	static LineRegistered registered(OperatorId operator) {
		Holder holder = new Holder("Ana", "ana@example.com", null, null, HolderLocale.FR, ZoneId.of("Europe/Brussels"));
		return new LineRegistered(UUID.randomUUID(), AT, LINE, operator, operator + "-prepaid-15",
				LocalDate.parse("2027-01-31"), Money.of(1500, "EUR"), holder, null, false);
	}

	static ValidityExtended extended(OperatorId operator) {
		return new ValidityExtended(UUID.randomUUID(), AT, LINE, operator, LocalDate.parse("2027-06-30"));
	}

	static HolderUpdated updated(OperatorId operator) {
		return new HolderUpdated(UUID.randomUUID(), AT, LINE, operator, null, List.of(7), true);
	}

	static LineCancelled cancelled(OperatorId operator) {
		return new LineCancelled(UUID.randomUUID(), AT, LINE, operator, "ported out");
	}

	static LineErased erased(OperatorId operator) {
		return new LineErased(UUID.randomUUID(), AT, LINE, operator);
	}

}
