package io.keepline.scheduler.api;

import java.util.List;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.ErrorResponse;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Keeps the line's number out of every problem detail the scheduler answers: Spring fills
 * a problem's {@code instance} with the request path, which here holds the number.
 */
@Configuration(proxyBeanMethods = false)
class ReadApiConfiguration implements WebMvcConfigurer {

	@Override
	public void addErrorResponseInterceptors(List<ErrorResponse.Interceptor> interceptors) {
		interceptors.add((problem, error) -> problem.setInstance(null));
	}

}
