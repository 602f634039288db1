package io.keepline.scheduler;

import java.time.Clock;

import io.keepline.contracts.auth.OperatorKeys;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Entry point of the Keepline scheduler service: the exactly-once deadline engine and its
 * read API.
 */
@SpringBootApplication
@EnableConfigurationProperties(SchedulerSettings.class)
public class SchedulerApplication {

	public static void main(String[] args) {
		SpringApplication.run(SchedulerApplication.class, args);
	}

	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

	/** Operator API keys; the service refuses to start without them. */
	@Bean
	OperatorKeys operatorKeys(@Value("${keepline.operators.keys:}") String keys) {
		if (keys.isBlank()) {
			throw new IllegalStateException(
					"keepline.operators.keys (KEEPLINE_OPERATOR_KEYS) is required: operator=key pairs, comma separated");
		}
		return OperatorKeys.parse(keys);
	}

}
