package io.keepline.standalone.console;

import java.time.Instant;
import java.util.List;

/**
 * What the scheduler's read API said about a line: its state, validity and next
 * deadlines, with the answer as it came; or, when it could not answer, why.
 *
 * @param problem why there is no answer, or null
 * @param state the scheduler's state of the line
 * @param validUntil the current cycle's date
 * @param nextDeadlines what the scheduler will do next, soonest first
 * @param json the answer, pretty-printed
 */
public record SchedulerAnswer(String problem, String state, String validUntil, List<Deadline> nextDeadlines,
		String json) {

	/** One planned deadline: what, when, and when in the holder's time zone. */
	public record Deadline(String what, Instant dueAt, String local) {

	}

	static SchedulerAnswer failed(String problem) {
		return new SchedulerAnswer(problem, null, null, List.of(), null);
	}

	public boolean answered() {
		return this.problem == null;
	}

}
