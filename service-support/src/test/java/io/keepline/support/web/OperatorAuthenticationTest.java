package io.keepline.support.web;

import io.keepline.contracts.OperatorId;
import io.keepline.contracts.auth.OperatorKeys;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class OperatorAuthenticationTest {

	private final OperatorAuthentication authentication = new OperatorAuthentication(
			OperatorKeys.parse("orange=orange-key-0001,base=base-key-00001"));

	@Test
	void knowsTheOperatorByItsBearerKeyWhateverTheSchemesCase() {
		assertThat(this.authentication.operator("Bearer orange-key-0001")).contains(OperatorId.of("orange"));
		assertThat(this.authentication.operator("bearer base-key-00001")).contains(OperatorId.of("base"));
		assertThat(this.authentication.operator("BEARER  orange-key-0001 ")).contains(OperatorId.of("orange"));
	}

	@Test
	void knowsNobodyWithoutAKnownBearerKey() {
		assertThat(this.authentication.operator(null)).isEmpty();
		assertThat(this.authentication.operator("")).isEmpty();
		assertThat(this.authentication.operator("Basic b3JhbmdlLWtleS0wMDAx")).isEmpty();
		assertThat(this.authentication.operator("Bearer proximus-key-0001")).isEmpty();
		assertThat(this.authentication.operator("Bearer")).isEmpty();
	}

}
