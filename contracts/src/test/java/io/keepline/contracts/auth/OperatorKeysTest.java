package io.keepline.contracts.auth;

import io.keepline.contracts.InvalidValueException;
import io.keepline.contracts.OperatorId;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class OperatorKeysTest {

	@Test
	void authenticatesEachOperatorByItsOwnKey() {
		OperatorKeys keys = OperatorKeys.parse("orange=demo-orange-key, proximus=demo-proximus-key");

		assertThat(keys.authenticate("demo-orange-key")).contains(OperatorId.of("orange"));
		assertThat(keys.authenticate("demo-proximus-key")).contains(OperatorId.of("proximus"));
		assertThat(keys.authenticate("demo-base-key")).isEmpty();
		assertThat(keys.authenticate("")).isEmpty();
		assertThat(keys.authenticate(null)).isEmpty();
	}

	@Test
	void acceptsKeysConfiguredOnlyAsHashes() {
		OperatorKeys keys = OperatorKeys.parse("base=" + OperatorKeys.hashedForm("a-long-base-key"));

		assertThat(keys.authenticate("a-long-base-key")).contains(OperatorId.of("base"));
		assertThat(keys.authenticate(OperatorKeys.hashedForm("a-long-base-key"))).isEmpty();
	}

	@Test
	void refusesAnEmptyOrWeakConfiguration() {
		assertThatExceptionOfType(InvalidValueException.class).isThrownBy(() -> OperatorKeys.parse(""))
			.satisfies((ex) -> assertThat(ex.reason()).isEqualTo("required"));
		assertThatExceptionOfType(InvalidValueException.class).isThrownBy(() -> OperatorKeys.parse("orange=short"))
			.satisfies((ex) -> assertThat(ex.reason()).isEqualTo("too_short"));
		assertThatExceptionOfType(InvalidValueException.class)
			.isThrownBy(() -> OperatorKeys.parse("orange=sha256:nothex"))
			.satisfies((ex) -> assertThat(ex.reason()).isEqualTo("malformed"));
		assertThatExceptionOfType(InvalidValueException.class).isThrownBy(() -> OperatorKeys.parse("orange"))
			.satisfies((ex) -> assertThat(ex.reason()).isEqualTo("malformed"));
	}

}
