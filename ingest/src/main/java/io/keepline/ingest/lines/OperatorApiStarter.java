package io.keepline.ingest.lines;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.streams.KafkaStreams;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;

/**
 * Runs the operator API's Streams application from a thread of its own, since Kafka
 * Streams blocks its start until global stores have caught up: ingest takes events
 * meanwhile, and the operator API answers 503. Retries a start that failed, and starts
 * the application again when it fails later (a global thread that dies is never replaced
 * by Kafka Streams); on shutdown cuts a restore short and returns only once the
 * application is closed.
 */
final class OperatorApiStarter implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(OperatorApiStarter.class);

	private static final Duration RETRY = Duration.ofSeconds(5);

	/** Longest wait for the application to close once its restore was cut short. */
	private static final Duration CLOSE = Duration.ofSeconds(30);

	private final StreamsBuilderFactoryBean factory;

	private final WakeableClients clients = new WakeableClients();

	/** Released by a stop, and by the application when it fails. */
	private final Semaphore signals = new Semaphore(0);

	private volatile boolean stopping;

	private volatile Thread runner;

	/**
	 * The current instance, kept here: the factory's own accessor waits for a start in
	 * progress, which blocks until the global stores caught up.
	 */
	private volatile KafkaStreams streams;

	OperatorApiStarter(StreamsBuilderFactoryBean factory) {
		this.factory = factory;
		factory.setClientSupplier(this.clients);
		factory.setKafkaStreamsCustomizer((created) -> this.streams = created);
		factory.setStateListener((state, previous) -> {
			if (state == KafkaStreams.State.ERROR) {
				this.signals.release();
			}
		});
	}

	StreamsBuilderFactoryBean factory() {
		return this.factory;
	}

	/** The application's current instance, null before its first start. */
	KafkaStreams streams() {
		return this.streams;
	}

	@Override
	public void start() {
		Thread thread = new Thread(this::run, "keepline-ingest-operator-api-start");
		thread.setDaemon(true);
		this.runner = thread;
		thread.start();
	}

	private void run() {
		while (!this.stopping) {
			this.signals.drainPermits();
			try {
				this.factory.start();
				log.info("Operator API stores caught up: lines, timelines and imports are served");
				this.signals.acquireUninterruptibly();
				if (!this.stopping) {
					log.warn("The operator API's application failed ({}); starting it again in {} s", state(),
							RETRY.toSeconds());
				}
			}
			catch (RuntimeException ex) {
				if (!this.stopping) {
					log.warn("The operator API's stores did not start ({}); retrying in {} s", rootMessage(ex),
							RETRY.toSeconds());
				}
			}
			close();
			// a failed start also reported ERROR: only a stop may cut the pause short
			this.signals.drainPermits();
			if (!this.stopping) {
				pause();
			}
		}
	}

	@Override
	public void stop() {
		this.stopping = true;
		if (state() != KafkaStreams.State.RUNNING) {
			this.clients.wakeUp();
		}
		this.signals.release();
		Thread thread = this.runner;
		if (thread != null) {
			try {
				thread.join(CLOSE.toMillis());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			if (thread.isAlive()) {
				log.warn("The operator API's application did not close within {} s", CLOSE.toSeconds());
			}
		}
	}

	@Override
	public boolean isRunning() {
		return this.runner != null && !this.stopping;
	}

	@Override
	public int getPhase() {
		return this.factory.getPhase();
	}

	/**
	 * Closes the current instance: through its factory once started, else directly (a
	 * start that failed leaves an instance its factory never closes).
	 */
	private void close() {
		KafkaStreams streams = this.streams;
		if (this.factory.isRunning()) {
			this.factory.stop();
		}
		else if (streams != null) {
			streams.close(CLOSE);
		}
	}

	private KafkaStreams.State state() {
		KafkaStreams streams = this.streams;
		return (streams != null) ? streams.state() : null;
	}

	private void pause() {
		try {
			this.signals.tryAcquire(RETRY.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			this.stopping = true;
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
