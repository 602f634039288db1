package io.keepline.payments.pages;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Fixed time windows within which repeated clicks reuse one Checkout Session: the window
 * number goes into the idempotency key ({@code checkout:{cycle}:{n}}) and every parameter
 * sent with it is derived from the window, so Stripe replays the same session.
 */
record CheckoutWindow(long number, Instant end) {

	static CheckoutWindow current(Clock clock, Duration length) {
		long seconds = Math.max(1, length.toSeconds());
		long number = clock.instant().getEpochSecond() / seconds;
		return new CheckoutWindow(number, Instant.ofEpochSecond((number + 1) * seconds));
	}

}
