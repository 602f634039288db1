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
 * Runs the deliveries of each key (an operator, a line) on a shared executor with at most
 * {@code running} of them at once; the key's next ones wait their turn, in order, without
 * holding a thread, and beyond {@code most} running or waiting one is refused.
 */
final class Lanes {

	private static final Logger log = LoggerFactory.getLogger(Lanes.class);

	private final Executor executor;

	private final int running;

	private final int most;

	private final Map<String, Lane> lanes = new HashMap<>();

	Lanes(Executor executor, int running, int most) {
		this.executor = executor;
		this.running = running;
		this.most = Math.max(running, most);
	}

	/**
	 * Starts {@code task} now or once one of {@code key}'s running tasks ends; false (and
	 * nothing runs) when the key already has the most it may run or wait.
	 */
	synchronized boolean offer(String key, Runnable task) {
		Lane lane = this.lanes.computeIfAbsent(key, (k) -> new Lane());
		if (lane.running < this.running) {
			try {
				start(key, lane, task);
			}
			finally {
				forgetIfIdle(key, lane);
			}
			return true;
		}
		if (lane.running + lane.waiting.size() < this.most) {
			lane.waiting.add(task);
			return true;
		}
		return false;
	}

	/** Keys with deliveries running or waiting (for tests). */
	synchronized int busyKeys() {
		return this.lanes.size();
	}

	private void start(String key, Lane lane, Runnable task) {
		this.executor.execute(() -> {
			try {
				task.run();
			}
			finally {
				next(key);
			}
		});
		lane.running++;
	}

	private synchronized void next(String key) {
		Lane lane = this.lanes.get(key);
		lane.running--;
		Runnable task = lane.waiting.poll();
		try {
			if (task != null) {
				start(key, lane, task);
			}
		}
		catch (RejectedExecutionException ex) {
			log.info("{} waiting deliveries dropped at shutdown: their records stay uncommitted",
					lane.waiting.size() + 1);
			lane.waiting.clear();
		}
		forgetIfIdle(key, lane);
	}

	private void forgetIfIdle(String key, Lane lane) {
		if (lane.running == 0 && lane.waiting.isEmpty()) {
			this.lanes.remove(key);
		}
	}

	/** One key's deliveries running and waiting. */
	private static final class Lane {

		private final Queue<Runnable> waiting = new ArrayDeque<>();

		private int running;

	}

}
