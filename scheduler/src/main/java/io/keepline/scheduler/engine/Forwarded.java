package io.keepline.scheduler.engine;

import io.keepline.contracts.deadline.DeadlineEvent;
import io.keepline.contracts.linerecord.LineRecord;

/**
 * What the rules processor forwards: a deadline event for deadline-events, or a line's
 * new record for the lines topic.
 */
sealed interface Forwarded {

	/** A deadline event. */
	record Deadline(DeadlineEvent event) implements Forwarded {

	}

	/** A line's record; null when the line was erased (its tombstone). */
	record Line(LineRecord record) implements Forwarded {

	}

}
