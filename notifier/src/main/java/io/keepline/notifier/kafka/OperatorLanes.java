package io.keepline.notifier.kafka;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs each operator's webhook deliveries on a shared executor with at most
 * {@code running} of them at once; the operator's next ones wait their turn, in order,
 * without holding a thread, and beyond {@code most} running or waiting one is refused.
 */
final class OperatorLanes {

	private static final Logger log = LoggerFactory.getLogger(OperatorLanes.class);

	private final Executor executor;

	private final int running;

	private final int most;

	private final Map<String, Lane> lanes = new HashMap<>();

	OperatorLanes(Executor executor, int running, int most) {
		this.executor = executor;
		this.running = running;
		this.most = Math.max(running, most);
	}

	/**
	 * Starts {@code task} now or once one of {@code operator}'s running tasks ends; false
	 * (and nothing runs) when the operator already has the most it may run or wait.
	 */
	synchronized boolean offer(String operator, Runnable task) {
		Lane lane = this.lanes.computeIfAbsent(operator, (key) -> new Lane());
		if (lane.running < this.running) {
			try {
				start(operator, lane, task);
			}
			finally {
				forgetIfIdle(operator, lane);
			}
			return true;
		}
		if (lane.running + lane.waiting.size() < this.most) {
			lane.waiting.add(task);
			return true;
		}
		return false;
	}

	/** Operators with deliveries running or waiting (for tests). */
	synchronized int busyOperators() {
		return this.lanes.size();
	}

	private void start(String operator, Lane lane, Runnable task) {
		this.executor.execute(() -> {
			try {
				task.run();
			}
			finally {
				next(operator);
			}
		});
		lane.running++;
	}

	private synchronized void next(String operator) {
		Lane lane = this.lanes.get(operator);
		lane.running--;
		Runnable task = lane.waiting.poll();
		try {
			if (task != null) {
				start(operator, lane, task);
			}
		}
		catch (RejectedExecutionException ex) {
			log.info("{} waiting webhook deliveries dropped at shutdown: their records stay uncommitted",
					lane.waiting.size() + 1);
			lane.waiting.clear();
		}
		forgetIfIdle(operator, lane);
	}

	private void forgetIfIdle(String operator, Lane lane) {
		if (lane.running == 0 && lane.waiting.isEmpty()) {
			this.lanes.remove(operator);
		}
	}

	/** One operator's deliveries running and waiting. */
	private static final class Lane {

		private final Queue<Runnable> waiting = new ArrayDeque<>();

		private int running;

	}

}
