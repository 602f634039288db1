package io.keepline.ingest.notice.webhook;

import java.util.List;

import io.keepline.contracts.Msisdn;
import io.keepline.contracts.notice.OperatorNotice;

import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;

/**
 * The webhook deliveries, one listener container per operator so that one operator's
 * outage never delays another's; started and stopped with the context.
 */
public final class NoticeWebhookContainers implements SmartLifecycle {

	private final List<ConcurrentMessageListenerContainer<Msisdn, OperatorNotice>> containers;

	private volatile boolean running;

	NoticeWebhookContainers(List<ConcurrentMessageListenerContainer<Msisdn, OperatorNotice>> containers) {
		this.containers = List.copyOf(containers);
	}

	@Override
	public void start() {
		this.containers.forEach(ConcurrentMessageListenerContainer::start);
		this.running = true;
	}

	@Override
	public void stop() {
		this.containers.forEach(ConcurrentMessageListenerContainer::stop);
		this.running = false;
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	/** How many operators get webhooks. */
	public int operators() {
		return this.containers.size();
	}

}
