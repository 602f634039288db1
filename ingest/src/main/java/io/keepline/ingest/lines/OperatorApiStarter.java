package io.keepline.ingest.lines;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.streams.KafkaStreams;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;

/**
 * Starts the operator API's Streams application in the background, since Kafka Streams
 * blocks its start until global stores have caught up: ingest takes events meanwhile, and
 * the operator API answers 503. Retries a start that failed.
 */
final class OperatorApiStarter implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(OperatorApiStarter.class);

	private static final Duration RETRY = Duration.ofSeconds(5);

	private final StreamsBuilderFactoryBean factory;

	private final CountDownLatch stopped = new CountDownLatch(1);

	private volatile Thread starter;

	OperatorApiStarter(StreamsBuilderFactoryBean factory) {
		this.factory = factory;
	}

	StreamsBuilderFactoryBean factory() {
		return this.factory;
	}

	@Override
	public void start() {
		Thread thread = new Thread(this::startStreams, "keepline-ingest-operator-api-start");
		thread.setDaemon(true);
		this.starter = thread;
		thread.start();
	}

	private void startStreams() {
		while (this.stopped.getCount() > 0) {
			try {
				this.factory.start();
				log.info("Operator API stores caught up: lines, timelines and imports are served");
				return;
			}
			catch (RuntimeException ex) {
				if (this.stopped.getCount() == 0) {
					return;
				}
				log.warn("The operator API's stores did not start ({}); retrying in {} s", rootMessage(ex),
						RETRY.toSeconds());
				closeUnstarted();
				if (awaitStop()) {
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
		}
		if (this.factory.isRunning()) {
			this.factory.stop();
		}
		else {
			closeUnstarted();
		}
	}

	@Override
	public boolean isRunning() {
		return this.starter != null && this.stopped.getCount() > 0;
	}

	@Override
	public int getPhase() {
		return this.factory.getPhase();
	}

	/**
	 * A start that failed or was cut short leaves an instance its factory never closes.
	 */
	private void closeUnstarted() {
		KafkaStreams streams = this.factory.getKafkaStreams();
		if (streams != null && !this.factory.isRunning()) {
			streams.close(RETRY);
		}
	}

	private static String rootMessage(Throwable ex) {
		Throwable root = ex;
		while (root.getCause() != null) {
			root = root.getCause();
		}
		return root.toString();
	}

	private boolean awaitStop() {
		try {
			return this.stopped.await(RETRY.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return true;
		}
	}

}
