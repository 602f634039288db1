package io.keepline.support.deadletters;

import org.springframework.boot.actuate.autoconfigure.web.ManagementContextConfiguration;
import org.springframework.boot.actuate.autoconfigure.web.ManagementContextType;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * Puts the {@link AdminTokenFilter} in front of {@code /actuator/deadletters} in the
 * management server's context (its own port, or the main one when they are shared).
 */
@ManagementContextConfiguration(value = ManagementContextType.ANY, proxyBeanMethods = false)
@ConditionalOnBean(DeadLettersEndpoint.class)
public class AdminTokenConfiguration {

	@Bean
	FilterRegistrationBean<AdminTokenFilter> keeplineAdminTokenFilter(Environment environment) {
		String basePath = environment.getProperty("management.endpoints.web.base-path", "/actuator");
		FilterRegistrationBean<AdminTokenFilter> registration = new FilterRegistrationBean<>(
				new AdminTokenFilter(environment.getProperty("keepline.admin.token")));
		registration.addUrlPatterns(basePath + "/deadletters", basePath + "/deadletters/*");
		return registration;
	}

}
