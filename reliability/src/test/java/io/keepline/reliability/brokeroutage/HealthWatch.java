package io.keepline.reliability.brokeroutage;

import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.keepline.reliability.ServiceRun;

/**
 * Asks a service's {@code /actuator/health} every 250 ms and keeps the answers, so that a
 * scenario can check when the service said it was down and when up again.
 */
final class HealthWatch implements AutoCloseable {

	/**
	 * One answer: real epoch millis when it came (not when it was asked), and whether it
	 * said UP.
	 */
	record Sample(long at, boolean up) {

	}

	private final ConcurrentLinkedQueue<Sample> samples = new ConcurrentLinkedQueue<>();

	private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();

	HealthWatch(ServiceRun service) {
		this.ticker.scheduleWithFixedDelay(() -> {
			boolean up = service.healthy();
			this.samples.add(new Sample(System.currentTimeMillis(), up));
		}, 0, 250, TimeUnit.MILLISECONDS);
	}

	/**
	 * Whether some answer between {@code from} and {@code to} said the service was not
	 * UP.
	 */
	boolean downBetween(long from, long to) {
		return this.samples.stream().anyMatch((sample) -> sample.at() >= from && sample.at() <= to && !sample.up());
	}

	List<Sample> samples() {
		return List.copyOf(this.samples);
	}

	@Override
	public void close() {
		this.ticker.shutdownNow();
	}

}
