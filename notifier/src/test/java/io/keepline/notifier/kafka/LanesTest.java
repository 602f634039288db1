package io.keepline.notifier.kafka;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One operator's deliveries run at most so many at once and the next wait their turn in
 * order without holding a thread, while another operator's start at once; beyond the most
 * an operator may hold, a delivery is refused.
 */
class LanesTest {

	/** Tasks handed to the executor and not run yet, run one by one by the test. */
	private final Queue<Runnable> started = new ArrayDeque<>();

	private final List<String> ran = new ArrayList<>();

	private final Lanes lanes = new Lanes(this.started::add, 2, 3);

	@Test
	void runsAnOperatorsDeliveriesInTurnWithoutHoldingThreads() {
		assertThat(offer("orange", "o1")).isTrue();
		assertThat(offer("orange", "o2")).isTrue();
		assertThat(offer("orange", "o3")).isTrue();
		assertThat(this.started).as("started for orange").hasSize(2);
		assertThat(offer("proximus", "p1")).isTrue();
		assertThat(this.started).as("proximus starts beside orange's").hasSize(3);

		runNext();
		runNext();
		assertThat(this.ran).containsExactly("o1", "o2");
		assertThat(this.started).as("o3 started once o1 ended").hasSize(2);
		runNext();
		runNext();
		assertThat(this.ran).containsExactly("o1", "o2", "p1", "o3");
		assertThat(this.started).isEmpty();
		assertThat(this.lanes.busyKeys()).isZero();
	}

	@Test
	void refusesBeyondTheMostAnOperatorMayHold() {
		assertThat(offer("orange", "o1")).isTrue();
		assertThat(offer("orange", "o2")).isTrue();
		assertThat(offer("orange", "o3")).isTrue();
		assertThat(offer("orange", "o4")).isFalse();
		assertThat(offer("proximus", "p1")).isTrue();

		runNext();
		assertThat(offer("orange", "o5")).as("a place freed by o1").isTrue();
		while (!this.started.isEmpty()) {
			runNext();
		}
		assertThat(this.ran).containsExactly("o1", "o2", "p1", "o3", "o5");
	}

	@Test
	void startsTheNextEvenWhenADeliveryFails() {
		Lanes lanes = new Lanes(this.started::add, 1, 2);
		lanes.offer("orange", () -> {
			throw new IllegalStateException("receiver exploded");
		});
		lanes.offer("orange", () -> this.ran.add("o2"));
		Runnable failing = this.started.poll();
		try {
			failing.run();
		}
		catch (IllegalStateException expected) {
			this.ran.add("failed");
		}
		runNext();
		assertThat(this.ran).containsExactly("failed", "o2");
		assertThat(lanes.busyKeys()).isZero();
	}

	@Test
	void dropsWaitingDeliveriesWhenTheExecutorIsShutDown() {
		boolean[] shutDown = { false };
		Queue<Runnable> pool = new ArrayDeque<>();
		Executor executor = (task) -> {
			if (shutDown[0]) {
				throw new RejectedExecutionException("shut down");
			}
			pool.add(task);
		};
		Lanes lanes = new Lanes(executor, 1, 3);
		lanes.offer("orange", () -> this.ran.add("o1"));
		lanes.offer("orange", () -> this.ran.add("o2"));
		lanes.offer("orange", () -> this.ran.add("o3"));
		shutDown[0] = true;
		pool.poll().run();
		assertThat(this.ran).containsExactly("o1");
		assertThat(pool).isEmpty();
		assertThat(lanes.busyKeys()).isZero();
	}

	private boolean offer(String operator, String name) {
		return this.lanes.offer(operator, () -> this.ran.add(name));
	}

	private void runNext() {
		this.started.poll().run();
	}

}
