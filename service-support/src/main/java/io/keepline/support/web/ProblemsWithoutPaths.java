package io.keepline.support.web;

import java.util.List;

import org.springframework.web.ErrorResponse;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Keeps request paths out of every problem detail a service answers: Spring fills a
 * problem's {@code instance} with the path, which in Keepline holds a line's number
 * ({@code /v1/lines/{msisdn}}) or a holder's signed token ({@code /status/{token}}).
 */
final class ProblemsWithoutPaths implements WebMvcConfigurer {

	@Override
	public void addErrorResponseInterceptors(List<ErrorResponse.Interceptor> interceptors) {
		interceptors.add((problem, error) -> problem.setInstance(null));
	}

}
