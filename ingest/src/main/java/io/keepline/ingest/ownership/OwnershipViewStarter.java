package io.keepline.ingest.ownership;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;

/**
 * Starts the view of line owners in the background: Kafka Streams blocks its start until
 * a global store has caught up, and ingest should meanwhile start and answer 503 rather
 * than not start at all (or wait for a Kafka that is not there). Retries a start that
 * failed; on shutdown cuts short a start still waiting for Kafka.
 */
final class OwnershipViewStarter implements SmartLifecycle {

	static final Duration RETRY = Duration.ofSeconds(5);

	private static final Logger log = LoggerFactory.getLogger(OwnershipViewStarter.class);

	private final StreamsBuilderFactoryBean factory;

	private final OwnershipView view;

	private final CountDownLatch stopped = new CountDownLatch(1);

	private volatile Thread starter;

	OwnershipViewStarter(StreamsBuilderFactoryBean factory, OwnershipView view) {
		this.factory = factory;
		this.view = view;
	}

	@Override
	public void start() {
		Thread thread = new Thread(this::startView, "keepline-ingest-owners-start");
		thread.setDaemon(true);
		this.starter = thread;
		thread.start();
	}

	private void startView() {
		while (this.stopped.getCount() > 0) {
			try {
				this.factory.start();
				return;
			}
			catch (RuntimeException ex) {
				if (this.stopped.getCount() == 0) {
					return;
				}
				log.warn("The view of line owners did not start ({}); retrying in {} s", rootMessage(ex),
						RETRY.toSeconds());
				this.view.closeUnstarted();
				if (awaitStop(RETRY)) {
					return;
				}
			}
		}
	}

	@Override
	public void stop() {
		this.stopped.countDown();
		Thread thread = this.starter;
		if (thread != null && thread.isAlive()) {
			thread.interrupt();
			try {
				thread.join(RETRY.toMillis());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			this.view.closeUnstarted();
		}
	}

	@Override
	public boolean isRunning() {
		return this.starter != null && this.stopped.getCount() > 0;
	}

	/** Just above the factory's, so that a pending start is cut short before it stops. */
	@Override
	public int getPhase() {
		return this.factory.getPhase() + 1;
	}

	private boolean awaitStop(Duration duration) {
		try {
			return this.stopped.await(duration.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return true;
		}
	}

	private static String rootMessage(Throwable ex) {
		Throwable root = ex;
		while (root.getCause() != null) {
			root = root.getCause();
		}
		return root.toString();
	}

}
