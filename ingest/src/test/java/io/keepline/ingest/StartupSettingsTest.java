package io.keepline.ingest;

import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * Ingest has no default operator keys: without them it refuses to start and says which
 * setting is missing.
 */
class StartupSettingsTest {

	@Test
	void refusesToStartWithoutOperatorKeys() {
		assertThatException()
			.isThrownBy(
					() -> new SpringApplicationBuilder(IngestApplication.class)
						.run("--server.port=0", "--management.server.port=0", "--keepline.operators.keys=",
								"--keepline.ingest.raw.enabled=false", "--spring.kafka.admin.auto-create=false")
						.close())
			.satisfies((ex) -> assertThat(rootMessages(ex)).contains("KEEPLINE_OPERATOR_KEYS"));
	}

	static String rootMessages(Throwable ex) {
		StringBuilder messages = new StringBuilder();
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			messages.append(cause.getMessage()).append('\n');
		}
		return messages.toString();
	}

}
