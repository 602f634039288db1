package io.keepline.standalone.console;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The standalone's console on :8080: lines, timelines, the outbox and payments, read live
 * from Kafka.
 */
@SpringBootApplication
@EnableScheduling
public class ConsoleApplication {

	/** Hands the running pipeline's settings to the console's context. */
	public static ApplicationContextInitializer<ConfigurableApplicationContext> initializer(ConsoleSettings settings) {
		return (context) -> context.getBeanFactory().registerSingleton("consoleSettings", settings);
	}

	@Bean
	ConsoleToken consoleToken(ConsoleSettings settings) {
		return new ConsoleToken(settings.token());
	}

}
