package io.keepline.reliability.schedulerkill;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The kills of a run and what they did: for each, how many active tasks the victim owned,
 * how long until the output was on time again and the largest lag, and how many reminders
 * fell due before it, during its failover and after the last kill, in scheduler time.
 */
final class Kills {

	/** One kill: real epoch millis, the victim's active tasks, the output's lag then. */
	record Kill(long at, int victimTasks, long lagBefore) {

	}

	private final List<Kill> kills = new ArrayList<>();

	private final Instant base;

	private final long speed;

	private final long clockStarted;

	/**
	 * Kills of a run whose clock started at {@code base} at real {@code clockStarted}.
	 */
	Kills(Instant base, long speed, long clockStarted) {
		this.base = base;
		this.speed = speed;
		this.clockStarted = clockStarted;
	}

	void add(Kill kill) {
		this.kills.add(kill);
	}

	int size() {
		return this.kills.size();
	}

	List<Integer> victimTasks() {
		return this.kills.stream().map(Kill::victimTasks).toList();
	}

	/**
	 * Per kill, the outage: output more than {@code onTime} ms further behind the clock
	 * than before the kill, until the next kill or {@code end}.
	 */
	List<ReminderWatch.Outage> outages(ReminderWatch watch, long onTime, long end) {
		List<ReminderWatch.Outage> outages = new ArrayList<>();
		for (int k = 0; k < this.kills.size(); k++) {
			Kill kill = this.kills.get(k);
			long next = (k + 1 < this.kills.size()) ? this.kills.get(k + 1).at() : end;
			outages.add(watch.outage(kill.at(), next, kill.lagBefore() + onTime));
		}
		return outages;
	}

	/** Per kill, the reminders due since the previous one (or the clock's start). */
	List<Integer> dueBefore(ReminderPlan plan) {
		List<Integer> due = new ArrayList<>();
		long previous = this.clockStarted;
		for (Kill kill : this.kills) {
			due.add(plan.dueBetween(at(previous), at(kill.at())));
			previous = kill.at();
		}
		return due;
	}

	/** Per kill, the reminders due within {@code failover} after it. */
	List<Integer> dueDuring(ReminderPlan plan, Duration failover) {
		return this.kills.stream()
			.map((kill) -> plan.dueBetween(at(kill.at()), at(kill.at() + failover.toMillis())))
			.toList();
	}

	/** The reminders due after the last kill. */
	int dueAfterLast(ReminderPlan plan) {
		return plan.dueBetween(at(this.kills.get(this.kills.size() - 1).at()), plan.lastDue());
	}

	/** The scheduler instant at real epoch millis {@code real}. */
	private Instant at(long real) {
		return this.base.plusMillis((real - this.clockStarted) * this.speed);
	}

}
