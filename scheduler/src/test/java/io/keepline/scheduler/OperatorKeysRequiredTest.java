package io.keepline.scheduler;

import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The scheduler refuses to start without operator keys, and says which setting is
 * missing.
 */
class OperatorKeysRequiredTest {

	@Test
	void refusesToStartWithoutOperatorKeys() {
		assertThatThrownBy(() -> new SpringApplicationBuilder(SchedulerApplication.class)
			.properties("keepline.operators.keys=", "server.port=0", "management.server.port=0",
					"spring.kafka.bootstrap-servers=localhost:1", "spring.kafka.streams.auto-startup=false",
					"spring.kafka.streams.state-dir=target/no-keys")
			.run()
			.close()).hasStackTraceContaining("KEEPLINE_OPERATOR_KEYS");
	}

}
