package io.keepline.support.plans;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * The {@link Plans} catalogue of every service, read once at start-up: a bad plans file
 * stops the service with the file, the plan and the field.
 */
@AutoConfiguration
@EnableConfigurationProperties(PlansSettings.class)
public class PlansAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	Plans plans(PlansSettings settings) {
		return settings.load();
	}

}
