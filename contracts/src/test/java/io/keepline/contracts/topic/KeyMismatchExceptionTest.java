package io.keepline.contracts.topic;

import io.keepline.contracts.Msisdn;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class KeyMismatchExceptionTest {

	private static final Msisdn LINE = Msisdn.of("+32470123456");

	private static final Msisdn OTHER = Msisdn.of("+32470654321");

	@Test
	void acceptsARecordKeyedByItsEventsMsisdn() {
		assertThatCode(() -> KeyMismatchException.check(Msisdn.of("+32470123456"), LINE)).doesNotThrowAnyException();
	}

	@Test
	void refusesARecordKeyedByAnotherLineNamingNeitherNumberInClear() {
		assertThatExceptionOfType(KeyMismatchException.class).isThrownBy(() -> KeyMismatchException.check(OTHER, LINE))
			.withMessage("record keyed " + OTHER.masked() + " carries an event of " + LINE.masked())
			.withMessageNotContaining(LINE.value())
			.withMessageNotContaining(OTHER.value());
	}

	@Test
	void refusesARecordWithoutKey() {
		assertThatExceptionOfType(KeyMismatchException.class).isThrownBy(() -> KeyMismatchException.check(null, LINE));
	}

}
