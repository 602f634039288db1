package io.keepline.payments.pages;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

import io.keepline.contracts.CycleId;
import io.keepline.contracts.Holder;
import io.keepline.contracts.HolderLocale;
import io.keepline.contracts.Money;
import io.keepline.contracts.Msisdn;
import io.keepline.contracts.OperatorId;
import io.keepline.contracts.linerecord.AutoRenewal;
import io.keepline.contracts.linerecord.CycleState;
import io.keepline.contracts.linerecord.LineRecord;
import io.keepline.contracts.payment.PaymentSource;
import io.keepline.contracts.payment.PaymentSucceeded;
import io.keepline.payments.line.PaymentHistory;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A link's cycle is payable only while it is the line's current cycle and open; every
 * other state of the line record has its own answer.
 */
class LineAnswerTest {

	private static final Msisdn MSISDN = Msisdn.of("+32470123456");

	private static final LocalDate VALID_UNTIL = LocalDate.parse("2026-12-31");

	private static final CycleId CYCLE = new CycleId(MSISDN, VALID_UNTIL);

	private static final PaymentHistory NONE = PaymentHistory.empty(MSISDN);

	@Test
	void onlyTheCurrentOpenCycleIsPayable() {
		assertThat(LineAnswer.of(CYCLE, record(VALID_UNTIL, CycleState.OPEN), NONE)).isEqualTo(LineAnswer.PAYABLE);
		assertThat(LineAnswer.of(CYCLE, record(VALID_UNTIL, CycleState.LAPSED), NONE)).isEqualTo(LineAnswer.LAPSED);
		assertThat(LineAnswer.of(CYCLE, record(VALID_UNTIL, CycleState.RENEWED), NONE))
			.isEqualTo(LineAnswer.ALREADY_RENEWED);
		assertThat(LineAnswer.of(CYCLE, record(VALID_UNTIL, CycleState.PAYMENT_PENDING), NONE))
			.isEqualTo(LineAnswer.PAYMENT_PENDING);
	}

	@Test
	void aLaterValidityMeansRenewedSinceAnEarlierOneNotKnownYet() {
		assertThat(LineAnswer.of(CYCLE, record(VALID_UNTIL.plusYears(1), CycleState.OPEN), NONE))
			.isEqualTo(LineAnswer.RENEWED_SINCE);
		assertThat(LineAnswer.of(CYCLE, record(VALID_UNTIL.minusYears(1), CycleState.RENEWED), NONE))
			.isEqualTo(LineAnswer.NOT_YET_KNOWN);
	}

	@Test
	void aCancelledOrErasedLineIsNoLongerManaged() {
		assertThat(LineAnswer.of(CYCLE, record(VALID_UNTIL, CycleState.CANCELLED), NONE))
			.isEqualTo(LineAnswer.UNMANAGED);
		assertThat(LineAnswer.of(CYCLE, null, NONE)).isEqualTo(LineAnswer.UNMANAGED);
	}

	@Test
	void aPaymentNotYetConfirmedIsNotAskedForAgain() {
		PaymentHistory paid = NONE.apply(new PaymentSucceeded(UUID.randomUUID(), Instant.now(), MSISDN, VALID_UNTIL,
				Money.of(1500, "EUR"), PaymentSource.CHECKOUT, null, "pi_1", "evt_1"));

		assertThat(LineAnswer.of(CYCLE, record(VALID_UNTIL, CycleState.OPEN), paid))
			.isEqualTo(LineAnswer.ALREADY_RENEWED);
	}

	private static LineRecord record(LocalDate validUntil, CycleState state) {
		Holder holder = new Holder(null, "h@example.com", null, null, HolderLocale.EN, ZoneId.of("Europe/Brussels"));
		return new LineRecord(MSISDN, OperatorId.of("orange"), "orange-prepaid-15", validUntil, state,
				Money.of(1500, "EUR"), AutoRenewal.OFF, holder, Instant.parse("2026-01-01T00:00:00Z"), Instant.now());
	}

}
