package io.keepline.standalone.console;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ConsoleTokenTest {

	private final ConsoleToken token = new ConsoleToken("s3cret-console-token-0123456789");

	@Test
	void matchesOnlyItself() {
		assertThat(this.token.matches("s3cret-console-token-0123456789")).isTrue();
		assertThat(this.token.matches("s3cret-console-token-012345678")).isFalse();
		assertThat(this.token.matches("s3cret-console-token-01234567890")).isFalse();
		assertThat(this.token.matches("")).isFalse();
		assertThat(this.token.matches(null)).isFalse();
	}

}
