package io.keepline.ingest.http;

import io.keepline.support.web.OperatorAuthentication;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Ingest's HTTP edge against floods and slow clients: per-operator rate limits on the
 * event endpoints, and Tomcat's {@link SlowBodyValve}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RequestLimitsSettings.class)
class HttpEdgeConfiguration implements WebMvcConfigurer {

	private final RequestLimitsSettings settings;

	private final RateLimitInterceptor rateLimits;

	HttpEdgeConfiguration(OperatorAuthentication authentication, RequestLimitsSettings settings) {
		this.settings = settings;
		this.rateLimits = new RateLimitInterceptor(authentication, new OperatorRateLimits(settings));
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(this.rateLimits).addPathPatterns("/v1/line-events", "/v1/line-events/**");
	}

	@Bean
	WebServerFactoryCustomizer<TomcatServletWebServerFactory> slowBodyValve() {
		return (factory) -> factory.addContextValves(new SlowBodyValve(this.settings));
	}

}
