package io.keepline.scheduler.deadline;

import io.keepline.contracts.Msisdn;
import io.keepline.contracts.line.LineEvent;
import io.keepline.contracts.line.LineOwner;
import io.keepline.contracts.line.LineOwnership;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link LineOwnership} applied to the scheduler's line state: refuses (and logs) an
 * event from an operator that may not change the line, and gives a line taken over by a
 * new owner a fresh start.
 */
final class Ownership {

	private static final Logger log = LoggerFactory.getLogger(Ownership.class);

	private Ownership() {
	}

	static LineOwnership.Decision decide(LineState current, Msisdn msisdn, LineEvent event) {
		LineOwner owner = (current != null) ? current.owner() : null;
		LineOwnership.Decision decision = LineOwnership.apply(owner, event);
		if (!decision.allowed()) {
			log.info("Ignored {} from operator {} for {}: the line belongs to operator {}",
					event.getClass().getSimpleName(), event.operator(), msisdn, owner.operator());
		}
		return decision;
	}

	/**
	 * The draft an allowed line event is applied to: the current state, or, when the line
	 * passes to another operator (a ported number), a new one that keeps nothing of the
	 * previous owner's registration, cycle, card or history, only the ids of events
	 * already seen.
	 */
	static LineState.Draft draft(LineState current, Msisdn msisdn, LineOwner next) {
		if (current == null) {
			return LineState.stub(msisdn).draft();
		}
		LineOwner previous = current.owner();
		if (previous == null || next == null || previous.operator().equals(next.operator())) {
			return current.draft();
		}
		log.info("Line {} passes from operator {} to operator {}", msisdn, previous.operator(), next.operator());
		LineState.Draft line = LineState.stub(msisdn).draft();
		line.seen = current.seen();
		return line;
	}

}
