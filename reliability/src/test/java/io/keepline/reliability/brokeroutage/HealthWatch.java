package io.keepline.reliability.brokeroutage;

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

	/** When the service first said it was not UP after {@code from}, or -1. */
	long firstDownAfter(long from) {
		return this.samples.stream()
			.filter((sample) -> !sample.up() && sample.at() >= from)
			.mapToLong(Sample::at)
			.min()
			.orElse(-1);
	}

	/** When the service first said UP after the last time it said otherwise, or -1. */
	long upAgain() {
		long lastDown = this.samples.stream().filter((sample) -> !sample.up()).mapToLong(Sample::at).max().orElse(-1);
		return this.samples.stream()
			.filter((sample) -> sample.up() && sample.at() > lastDown)
			.mapToLong(Sample::at)
			.min()
			.orElse(-1);
	}

	@Override
	public void close() {
		this.ticker.shutdownNow();
	}

}
