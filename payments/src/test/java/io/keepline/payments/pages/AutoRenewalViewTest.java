package io.keepline.payments.pages;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import io.keepline.contracts.Holder;
import io.keepline.contracts.HolderLocale;
import io.keepline.contracts.Money;
import io.keepline.contracts.Msisdn;
import io.keepline.contracts.OperatorId;
import io.keepline.contracts.PaymentMethodRef;
import io.keepline.contracts.linerecord.AutoRenewal;
import io.keepline.contracts.linerecord.CycleState;
import io.keepline.contracts.linerecord.LineRecord;
import io.keepline.contracts.linerecord.SavedMethod;
import io.keepline.contracts.payment.AutoRenewalStopped;
import io.keepline.contracts.payment.PaymentMethodRemoved;
import io.keepline.contracts.payment.PaymentMethodSaved;
import io.keepline.payments.line.PaymentHistory;
import io.keepline.payments.pages.AutoRenewalView.State;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The status page says "on" only when the scheduler will charge, with the date it will,
 * and offers only what the holder can do.
 */
class AutoRenewalViewTest {

	private static final Msisdn MSISDN = Msisdn.of("+32470123456");

	private static final LocalDate VALID_UNTIL = LocalDate.parse("2026-12-31");

	private static final Instant REGISTERED_AT = Instant.parse("2026-01-01T00:00:00Z");

	private static final List<Integer> DAYS = List.of(3, 2, 1);

	private static final SavedMethod VISA = new SavedMethod("visa", "4242", 12, 2030);

	private static final PaymentMethodRef PM = new PaymentMethodRef("cus_1", "pm_1", "visa", "4242", 12, 2030);

	private final PaymentHistory saved = PaymentHistory.empty(MSISDN)
		.apply(new PaymentMethodSaved(UUID.randomUUID(), REGISTERED_AT.plusSeconds(60), MSISDN, PM, "seti_1", null));

	@Test
	void isOnWithTheFirstAttemptDateStillAheadAndTheRecordsPrice() {
		AutoRenewalView view = view(record(CycleState.OPEN, new AutoRenewal(true, true, VISA)), this.saved,
				LocalDate.parse("2026-12-20"));

		assertThat(view.state()).isEqualTo(State.ON);
		assertThat(view.chargeOn()).isEqualTo(LocalDate.parse("2026-12-28"));
		assertThat(view.daysBefore()).isEqualTo(3);
		assertThat(view.amount()).isEqualTo(Money.of(1500, "EUR"));
		assertThat(view.canTurnOff()).isTrue();
		assertThat(view.canRemoveCard()).isTrue();
		assertThat(view.canTurnOn()).isFalse();
	}

	@Test
	void namesTheRetryDayOnceTheFirstHasPassedAndSaysWhenNoneIsLeft() {
		LineRecord on = record(CycleState.OPEN, new AutoRenewal(true, true, VISA));

		assertThat(view(on, this.saved, LocalDate.parse("2026-12-29")).chargeOn())
			.isEqualTo(LocalDate.parse("2026-12-29"));
		assertThat(view(on, this.saved, LocalDate.parse("2026-12-31")).state()).isEqualTo(State.ON_NO_ATTEMPT_LEFT);
	}

	@Test
	void isNeverOnWhereTheOperatorDoesNotAllowItAndOffersNoTurnOn() {
		AutoRenewalView view = view(record(CycleState.OPEN, new AutoRenewal(false, true, VISA)), this.saved,
				LocalDate.parse("2026-12-20"));

		assertThat(view.state()).isEqualTo(State.NOT_ALLOWED);
		assertThat(view.on()).isFalse();
		assertThat(view.canTurnOn()).isFalse();
		assertThat(view.canRemoveCard()).isTrue();
	}

	@Test
	void isOffWithTheCardKeptOnceTurnedOffBeforeTheRecordShowsIt() {
		PaymentHistory stopped = this.saved
			.apply(new AutoRenewalStopped(UUID.randomUUID(), Instant.now(), MSISDN, REGISTERED_AT));

		AutoRenewalView view = view(record(CycleState.OPEN, new AutoRenewal(true, true, VISA)), stopped,
				LocalDate.parse("2026-12-20"));

		assertThat(view.state()).isEqualTo(State.OFF_CARD_KEPT);
		assertThat(view.last4()).isEqualTo("4242");
		assertThat(view.canTurnOff()).isFalse();
		assertThat(view.canTurnOn()).isTrue();
	}

	/**
	 * A card read sealed on payment-events, turned off once the record no longer shows it
	 * (the history rebuilt since), is named without the digits payments does not know.
	 */
	@Test
	void namesAKeptCardWhoseDigitsArentKnownWithoutThem() {
		PaymentHistory sealed = PaymentHistory.empty(MSISDN)
			.apply(new PaymentMethodSaved(UUID.randomUUID(), REGISTERED_AT.plusSeconds(60), MSISDN,
					new PaymentMethodRef("cus_1", "pm_1", null, null, 0, 0), "seti_1", null))
			.apply(new AutoRenewalStopped(UUID.randomUUID(), Instant.now(), MSISDN, REGISTERED_AT));

		AutoRenewalView view = view(record(CycleState.OPEN, new AutoRenewal(true, false, null)), sealed,
				LocalDate.parse("2026-12-20"));

		assertThat(view.state()).isEqualTo(State.OFF_CARD_KEPT);
		assertThat(view.messageKey()).isEqualTo("status.autoRenew.OFF_CARD_KEPT_UNKNOWN");
		assertThat(view(record(CycleState.OPEN, new AutoRenewal(true, true, VISA)),
				this.saved.apply(new AutoRenewalStopped(UUID.randomUUID(), Instant.now(), MSISDN, REGISTERED_AT)),
				LocalDate.parse("2026-12-20"))
			.messageKey()).isEqualTo("status.autoRenew.OFF_CARD_KEPT");
	}

	@Test
	void hasNoCardOnceItIsRemoved() {
		PaymentHistory removed = this.saved
			.apply(new PaymentMethodRemoved(UUID.randomUUID(), Instant.now(), MSISDN, REGISTERED_AT));

		AutoRenewalView view = view(record(CycleState.OPEN, new AutoRenewal(true, true, VISA)), removed,
				LocalDate.parse("2026-12-20"));

		assertThat(view.state()).isEqualTo(State.OFF);
		assertThat(view.canRemoveCard()).isFalse();
		assertThat(removed.customers()).as("erasure still deletes the customer").containsExactly("cus_1");
	}

	@Test
	void saysWhenTheCardExpiresBeforeTheChargeAndTalksOfTheNextCycleOnceThisOneIsPaid() {
		SavedMethod expiring = new SavedMethod("visa", "4242", 11, 2026);

		assertThat(view(record(CycleState.OPEN, new AutoRenewal(true, true, expiring)), this.saved,
				LocalDate.parse("2026-11-20"))
			.state()).isEqualTo(State.CARD_EXPIRES);
		assertThat(view(record(CycleState.RENEWED, new AutoRenewal(true, true, VISA)), this.saved,
				LocalDate.parse("2026-12-20"))
			.state()).isEqualTo(State.ON_NEXT_CYCLE);
	}

	private static AutoRenewalView view(LineRecord line, PaymentHistory history, LocalDate today) {
		return AutoRenewalView.of(line, history, today, DAYS);
	}

	private static LineRecord record(CycleState state, AutoRenewal renewal) {
		Holder holder = new Holder("Li Wei", "li@example.com", null, null, HolderLocale.EN,
				ZoneId.of("Europe/Brussels"));
		return new LineRecord(MSISDN, OperatorId.of("orange"), "orange-prepaid-15", VALID_UNTIL, state,
				Money.of(1500, "EUR"), renewal, holder, REGISTERED_AT, REGISTERED_AT);
	}

}
