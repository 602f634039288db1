package io.keepline.contracts;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class MsisdnTest {

	@Test
	void acceptsCanonicalE164MobileNumbers() {
		Msisdn msisdn = Msisdn.of("+32470123456");

		assertThat(msisdn.value()).isEqualTo("+32470123456");
		assertThat(msisdn.isMobile()).isTrue();
		assertThat(msisdn.region()).isEqualTo("BE");
	}

	@Test
	void tellsFixedLinesFromMobiles() {
		assertThat(Msisdn.of("+3222345678").isMobile()).isFalse();
	}

	@Test
	void masksAllButCountryCodeFirstGroupAndLastTwoDigits() {
		assertThat(Msisdn.of("+32470123456").masked()).isEqualTo("+32 470 ** ** 56");
		assertThat(Msisdn.of("+8613800138000").masked()).isEqualTo("+86 138 **** **00");
	}

	@Test
	void neverPrintsTheNumberInClear() {
		assertThat(Msisdn.of("+32470123456").toString()).doesNotContain("123").contains("**");
		assertThat(new CycleId(Msisdn.of("+32470123456"), LocalDate.of(2026, 12, 31)).toString()).doesNotContain("123");
	}

	@Test
	void rejectsNumbersThatAreNotE164() {
		assertThatExceptionOfType(InvalidValueException.class).isThrownBy(() -> Msisdn.of("0470 12 34 56"))
			.satisfies((ex) -> assertThat(ex.reason()).isEqualTo("not_e164"));
		assertThatExceptionOfType(InvalidValueException.class).isThrownBy(() -> Msisdn.of("+32 470 12 34 56"))
			.satisfies((ex) -> assertThat(ex.reason()).isEqualTo("not_e164"));
	}

	@Test
	void rejectsNumbersOutsideTheNumberingPlan() {
		assertThatExceptionOfType(InvalidValueException.class).isThrownBy(() -> Msisdn.of("+32000000000"))
			.satisfies((ex) -> assertThat(ex.reason()).isEqualTo("invalid_msisdn"));
	}

	@Test
	void trustsANumberItsOwnServiceStoredWithoutCheckingItAgain() {
		Msisdn trusted = Msisdn.trusted("+32470123456");

		assertThat(trusted).isEqualTo(Msisdn.of("+32470123456")).hasSameHashCodeAs(Msisdn.of("+32470123456"));
		assertThat(trusted.masked()).isEqualTo("+32 470 ** ** 56");
		assertThat(Msisdn.trusted("+32000000000").value()).isEqualTo("+32000000000");
		assertThatExceptionOfType(NullPointerException.class).isThrownBy(() -> Msisdn.trusted(null));
	}

	@Test
	void keepsTheFactsOfEachNumberApartWhenTwoShareAMemoSlot() {
		String belgian = "+32470123456";
		String chinese = null;
		for (int i = 0; chinese == null; i++) {
			String candidate = "+86138%08d".formatted(i);
			if ((candidate.hashCode() & 0x3FFF) == (belgian.hashCode() & 0x3FFF)) {
				chinese = candidate;
			}
		}
		for (int round = 0; round < 2; round++) {
			assertThat(Msisdn.of(belgian).region()).isEqualTo("BE");
			assertThat(Msisdn.of(chinese).region()).isEqualTo("CN");
		}
	}

	@Test
	void rejectsAnInvalidNumberEveryTime() {
		for (int round = 0; round < 2; round++) {
			assertThatExceptionOfType(InvalidValueException.class).isThrownBy(() -> Msisdn.of("+32000000000"));
		}
	}

	@Test
	void cycleIdsRoundTripThroughTheirStringForm() {
		CycleId cycle = new CycleId(Msisdn.of("+32470123456"), LocalDate.of(2026, 12, 31));

		assertThat(cycle.asString()).isEqualTo("+32470123456:2026-12-31");
		assertThat(CycleId.parse(cycle.asString())).isEqualTo(cycle);
	}

}
