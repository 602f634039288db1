package io.keepline.notifier.delivery;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

class RateLimiterTest {

	@Test
	void letsABurstThroughThenDefersWhatWouldWaitTooLong() {
		RateLimiter limiter = new RateLimiter("sms", 0.5, 3, Duration.ofMillis(50));
		assertThatNoException().isThrownBy(() -> {
			limiter.acquire();
			limiter.acquire();
			limiter.acquire();
		});
		assertThatExceptionOfType(TransientDeliveryException.class).isThrownBy(limiter::acquire)
			.satisfies((ex) -> org.assertj.core.api.Assertions.assertThat(ex.reason()).isEqualTo("rate_limited"));
	}

	@Test
	void waitsBrieflyForATokenWhenTheWaitIsShort() {
		RateLimiter limiter = new RateLimiter("email", 100, 1, Duration.ofSeconds(1));
		limiter.acquire();
		long start = System.nanoTime();
		limiter.acquire();
		org.assertj.core.api.Assertions.assertThat(Duration.ofNanos(System.nanoTime() - start))
			.isGreaterThanOrEqualTo(Duration.ofMillis(5));
	}

}
