package io.keepline.scheduler.deadline;

import java.time.Instant;

import io.keepline.contracts.deadline.ReminderTrigger;

/**
 * One planned deadline of a line: what fires, which stage or attempt, and when.
 * {@code trigger} says why a reminder is sent (null for other kinds).
 */
public record DueEntry(long dueMillis, DueKind kind, int stage, ReminderTrigger trigger) {

	public Instant due() {
		return Instant.ofEpochMilli(this.dueMillis);
	}

	/** Whether {@code other} is the same deadline (same kind, stage and instant). */
	public boolean sameSlot(DueEntry other) {
		return this.dueMillis == other.dueMillis && this.kind == other.kind && this.stage == other.stage;
	}

	/** The milestone this entry's cycle reaches when it fires. */
	public Milestone milestone() {
		return Milestone.fired(this.kind, this.stage);
	}

}
