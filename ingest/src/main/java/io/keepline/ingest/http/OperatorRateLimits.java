package io.keepline.ingest.http;

import java.time.Duration;

import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import io.keepline.contracts.OperatorId;

/**
 * One Resilience4j rate limiter per operator: each may make its number of requests per
 * second, and a request over it is refused at once rather than queued, so that one
 * operator's flood takes no capacity from the others.
 */
final class OperatorRateLimits {

	/** How often each operator's permits are renewed; also what Retry-After says. */
	static final Duration PERIOD = Duration.ofSeconds(1);

	private final RateLimiterRegistry registry = RateLimiterRegistry.ofDefaults();

	private final RequestLimitsSettings settings;

	OperatorRateLimits(RequestLimitsSettings settings) {
		this.settings = settings;
	}

	/** Whether {@code operator} may make one more request now; takes its permit if so. */
	boolean tryAcquire(OperatorId operator) {
		return limiter(operator).acquirePermission();
	}

	private RateLimiter limiter(OperatorId operator) {
		return this.registry.rateLimiter(operator.value(),
				() -> RateLimiterConfig.custom()
					.limitForPeriod(this.settings.perSecond(operator))
					.limitRefreshPeriod(PERIOD)
					.timeoutDuration(Duration.ZERO)
					.build());
	}

}
