package io.keepline.payments.renewal;

import org.apache.kafka.streams.KafkaStreams;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;

/**
 * Lets payments read deadline-events only while its line records and payment history are
 * caught up and running (global stores restored): a charge is made only when its outcome
 * can be checked and recorded. Starts the listener when the view first reaches RUNNING,
 * pauses it when the view leaves RUNNING (rebalance, restore, failure, shutdown) and
 * resumes it when the view is back.
 */
final class DeadlineGate implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(DeadlineGate.class);

	private final KafkaListenerEndpointRegistry registry;

	private final long createdAt = System.nanoTime();

	private volatile KafkaStreams.State view;

	private boolean running;

	DeadlineGate(KafkaListenerEndpointRegistry registry) {
		this.registry = registry;
	}

	/** Follows payments' stores' Kafka Streams state (its state listener). */
	void onViewState(KafkaStreams.State state, KafkaStreams.State previous) {
		this.view = state;
		apply();
	}

	/** The line view's last known state, or null before it was started. */
	KafkaStreams.State viewState() {
		return this.view;
	}

	/**
	 * Whether deadline-events are being consumed: the view runs and the listener reads.
	 */
	boolean consuming() {
		MessageListenerContainer container = container();
		return this.view == KafkaStreams.State.RUNNING && container != null && container.isRunning()
				&& !container.isPauseRequested();
	}

	private synchronized void apply() {
		MessageListenerContainer container = container();
		if (!this.running || container == null) {
			return;
		}
		KafkaStreams.State state = this.view;
		if (state == KafkaStreams.State.RUNNING) {
			if (!container.isRunning()) {
				container.start();
				log.info("Payments consumes deadline-events: its line stores are running ({} ms after start-up)",
						(System.nanoTime() - this.createdAt) / 1_000_000);
			}
			else if (container.isPauseRequested()) {
				container.resume();
				log.info("Payments resumed deadline-events: its line stores are running again");
			}
		}
		else if (container.isRunning() && !container.isPauseRequested()) {
			container.pause();
			log.warn("Payments paused deadline-events: its line stores are {} (no charge until it runs again)", state);
		}
	}

	private MessageListenerContainer container() {
		return this.registry.getListenerContainer(DeadlineListener.ID);
	}

	@Override
	public void start() {
		synchronized (this) {
			this.running = true;
		}
		apply();
	}

	@Override
	public synchronized void stop() {
		this.running = false;
	}

	@Override
	public synchronized boolean isRunning() {
		return this.running;
	}

	/**
	 * Just after the listener registry's: starts once it started, stops before it stops.
	 */
	@Override
	public int getPhase() {
		return this.registry.getPhase() + 1;
	}

}
