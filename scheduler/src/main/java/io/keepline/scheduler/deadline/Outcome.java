package io.keepline.scheduler.deadline;

import java.util.List;

import io.keepline.contracts.deadline.DeadlineEvent;

/**
 * What handling one input event or one due entry did: the line's new state (null when the
 * line is to be forgotten) and the events to emit now.
 */
public record Outcome(LineState state, List<DeadlineEvent> emitted) {

	public Outcome {
		emitted = List.copyOf(emitted);
	}

	static Outcome of(LineState state, DeadlineEvent... emitted) {
		return new Outcome(state, List.of(emitted));
	}

	public boolean erased() {
		return this.state == null;
	}

}
