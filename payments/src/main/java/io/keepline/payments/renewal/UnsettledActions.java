package io.keepline.payments.renewal;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.keepline.contracts.Msisdn;
import io.keepline.contracts.deadline.AutoRenewalDue;
import io.keepline.contracts.deadline.DeadlineEvent;
import io.keepline.contracts.deadline.RefundDue;
import io.keepline.payments.gateway.GatewayUnavailableException;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Charges and refunds that Stripe left without an outcome, settled by a timer with a
 * bounded back-off while the consumer goes on with other lines. A line's later charge or
 * refund waits behind its unsettled one (order per line is kept), and a partition's
 * offset is not committed while it holds unsettled work, so that a restart or a rebalance
 * delivers that work again instead of losing it.
 */
final class UnsettledActions implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(UnsettledActions.class);

	/** Gauge of charges and refunds waiting for Stripe, tagged {@code kind}. */
	static final String UNSETTLED = "keepline.payments.gateway.unsettled";

	private final DeadlineActions actions;

	private final GatewayRetrySettings settings;

	private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor((task) -> {
		Thread thread = new Thread(task, "payments-unsettled");
		thread.setDaemon(true);
		return thread;
	});

	private final Map<Msisdn, Deque<Unsettled>> lines = new HashMap<>();

	private final Map<TopicPartition, Integer> held = new HashMap<>();

	UnsettledActions(DeadlineActions actions, GatewayRetrySettings settings, MeterRegistry meters) {
		this.actions = actions;
		this.settings = settings;
		Gauge.builder(UNSETTLED, this, (u) -> u.count(AutoRenewalDue.class))
			.description("Charges and refunds waiting for Stripe")
			.tag("kind", "charge")
			.register(meters);
		Gauge.builder(UNSETTLED, this, (u) -> u.count(RefundDue.class))
			.description("Charges and refunds waiting for Stripe")
			.tag("kind", "refund")
			.register(meters);
	}

	/**
	 * Acts on {@code event} now, or queues it behind its line's unsettled work;
	 * {@code partition} is null for a replayed dead letter.
	 */
	void on(DeadlineEvent event, TopicPartition partition) {
		if (event instanceof AutoRenewalDue || event instanceof RefundDue) {
			synchronized (this) {
				Deque<Unsettled> queue = this.lines.get(event.msisdn());
				if (queue != null) {
					queue.add(new Unsettled(event, partition));
					hold(partition);
					return;
				}
			}
		}
		try {
			this.actions.on(event);
		}
		catch (GatewayUnavailableException ex) {
			// not yet taken as Stripe's saved answer: a 5xx may come from before the API
			// (nothing saved), so the same key is sent again once Stripe answers lookups
			Unsettled work = new Unsettled(event, partition);
			work.triedAgain();
			synchronized (this) {
				this.lines.computeIfAbsent(event.msisdn(), (m) -> new ArrayDeque<>()).add(work);
				hold(partition);
			}
			retryLater(work, ex);
		}
	}

	/**
	 * Whether {@code partition}'s offset must stay where it is: it holds unsettled work.
	 */
	synchronized boolean holds(TopicPartition partition) {
		return partition != null && this.held.getOrDefault(partition, 0) > 0;
	}

	/** Charges ({@link AutoRenewalDue}) or refunds ({@link RefundDue}) waiting. */
	synchronized int count(Class<? extends DeadlineEvent> kind) {
		return (int) this.lines.values()
			.stream()
			.flatMap(Deque::stream)
			.filter((w) -> kind.isInstance(w.event()))
			.count();
	}

	/**
	 * Drops the work of partitions this instance no longer owns: their offsets were not
	 * committed past it, so their next owner settles it.
	 */
	synchronized void forget(Collection<TopicPartition> partitions) {
		Iterator<Deque<Unsettled>> queues = this.lines.values().iterator();
		while (queues.hasNext()) {
			Deque<Unsettled> queue = queues.next();
			queue.removeIf((w) -> w.partition() != null && partitions.contains(w.partition()));
			if (queue.isEmpty()) {
				queues.remove();
			}
		}
		this.held.keySet().removeAll(partitions);
	}

	private void settle(Msisdn msisdn) {
		Unsettled head;
		synchronized (this) {
			Deque<Unsettled> queue = this.lines.get(msisdn);
			if (queue == null || queue.isEmpty()) {
				return;
			}
			head = queue.peek();
		}
		try {
			if (head.tries() == 0) {
				this.actions.on(head.event());
			}
			else {
				this.actions.settle(head);
			}
		}
		catch (GatewayUnavailableException ex) {
			head.triedAgain();
			retryLater(head, ex);
			return;
		}
		catch (RuntimeException ex) {
			head.triedAgain();
			retryLater(head, ex);
			return;
		}
		settled(msisdn, head);
	}

	private void settled(Msisdn msisdn, Unsettled head) {
		boolean more;
		synchronized (this) {
			Deque<Unsettled> queue = this.lines.get(msisdn);
			if (queue == null || queue.peek() != head) {
				return; // forgotten meanwhile: its partition was revoked
			}
			queue.poll();
			release(head.partition());
			more = !queue.isEmpty();
			if (!more) {
				this.lines.remove(msisdn);
			}
		}
		if (head.tries() > 0) {
			log.info("{} of {} settled after {} tries", head.event().getClass().getSimpleName(), msisdn.masked(),
					head.tries());
		}
		if (more) {
			this.timer.execute(() -> settle(msisdn));
		}
	}

	private void retryLater(Unsettled work, RuntimeException ex) {
		Duration delay = this.settings.backoff(work.tries());
		if (Integer.bitCount(work.tries()) != 1) {
			log.debug("{} of {} not settled, try {}; next check in {}", work.event().getClass().getSimpleName(),
					work.msisdn().masked(), work.tries(), delay);
		}
		else {
			// tries 1, 2, 4, 8...: visible without a line per re-check
			log.warn("{} of {} not settled ({}), try {}; next check in {}", work.event().getClass().getSimpleName(),
					work.msisdn().masked(), ex.getClass().getSimpleName(), work.tries(), delay);
		}
		this.timer.schedule(() -> settle(work.msisdn()), delay.toMillis(), TimeUnit.MILLISECONDS);
	}

	private void hold(TopicPartition partition) {
		if (partition != null) {
			this.held.merge(partition, 1, Integer::sum);
		}
	}

	private void release(TopicPartition partition) {
		if (partition != null) {
			this.held.computeIfPresent(partition, (p, n) -> (n > 1) ? n - 1 : null);
		}
	}

	@Override
	public void close() {
		this.timer.shutdownNow();
	}

}
