package io.keepline.support.startup;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.actuate.info.Info;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

class StartupReportTest {

	@Test
	void servesKafkaThenEachContributorsFactsInOrderOnInfo() {
		MockEnvironment environment = new MockEnvironment().withProperty("spring.kafka.bootstrap-servers", "k:9092");
		StartupReport report = new StartupReport(environment,
				List.of((facts) -> facts.put("engine", "exactly_once_v2"), (facts) -> facts.put("state", "/tmp/s")));

		Info.Builder info = new Info.Builder();
		report.contribute(info);

		assertThat(info.build().get("keepline")).isEqualTo(report.facts());
		assertThat(report.facts()).containsExactly(Map.entry("kafka", "k:9092"), Map.entry("engine", "exactly_once_v2"),
				Map.entry("state", "/tmp/s"));
	}

}
