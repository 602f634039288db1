package io.keepline.scheduler;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/**
 * Entry point of the Keepline scheduler service: the exactly-once deadline engine and its
 * read API. It refuses to start without operator keys ({@code keepline.operators.keys}).
 */
@SpringBootApplication
@EnableConfigurationProperties(SchedulerSettings.class)
public class SchedulerApplication {

	public static void main(String[] args) {
		SpringApplication.run(SchedulerApplication.class, args);
	}

}
