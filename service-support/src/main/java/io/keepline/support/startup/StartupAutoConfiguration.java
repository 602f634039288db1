package io.keepline.support.startup;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/** The start-up report of every service. */
@AutoConfiguration
public class StartupAutoConfiguration {

	@Bean
	StartupReport keeplineStartupReport(Environment environment, ObjectProvider<StartupFacts> facts) {
		return new StartupReport(environment, facts.orderedStream().toList());
	}

}
