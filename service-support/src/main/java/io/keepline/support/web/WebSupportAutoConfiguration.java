package io.keepline.support.web;

import java.time.Clock;

import io.keepline.contracts.auth.OperatorKeys;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * What every service shares at its edge: the clock, problem details that never repeat the
 * request path, and, where the service takes operator keys
 * ({@code keepline.operators.keys} is set, even to nothing, which then stops the service
 * with a clear message), the operator authentication.
 */
@AutoConfiguration
public class WebSupportAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	Clock clock() {
		return Clock.systemUTC();
	}

	@Bean
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
	WebMvcConfigurer keeplineProblemsWithoutPaths() {
		return new ProblemsWithoutPaths();
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnProperty(prefix = "keepline.operators", name = "keys")
	@EnableConfigurationProperties(OperatorKeySettings.class)
	static class OperatorKeysConfiguration {

		@Bean
		@ConditionalOnMissingBean
		OperatorKeys operatorKeys(OperatorKeySettings settings) {
			return OperatorKeys.parse(settings.keys());
		}

		@Bean
		OperatorAuthentication operatorAuthentication(OperatorKeys operatorKeys) {
			return new OperatorAuthentication(operatorKeys);
		}

	}

}
