package io.keepline.ingest.http;

import io.keepline.support.web.OperatorAuthentication;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Refuses an operator's request over its rate with 429 before its body is read. Requests
 * without a known key pass on to be refused with 401 by the endpoint.
 */
final class RateLimitInterceptor implements HandlerInterceptor {

	private final OperatorAuthentication authentication;

	private final OperatorRateLimits limits;

	RateLimitInterceptor(OperatorAuthentication authentication, OperatorRateLimits limits) {
		this.authentication = authentication;
		this.limits = limits;
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		this.authentication.operator(request.getHeader(HttpHeaders.AUTHORIZATION)).ifPresent((operator) -> {
			if (!this.limits.tryAcquire(operator)) {
				throw new IngestProblem.TooManyRequests(operator);
			}
		});
		return true;
	}

}
