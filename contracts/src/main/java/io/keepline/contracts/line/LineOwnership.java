package io.keepline.contracts.line;

import io.keepline.contracts.OperatorId;
import io.keepline.contracts.UnhandledTypeException;

/**
 * The rule that an operator can neither change nor take another operator's lines, as a
 * pure function applied by ingest (to refuse) and by the scheduler (the authority, which
 * sees each line's events in order).
 *
 * <p>
 * A line belongs to the operator whose {@link LineRegistered} was first accepted for it.
 * While it is owned, every event for it from another operator is refused. The owner's
 * {@link LineCancelled} releases it: the owner may still change or register it again, and
 * another operator may now register it (a number ported to another operator), which makes
 * that operator the owner; nothing else from another operator is allowed on a released
 * line. The owner's {@link LineErased} forgets it, after which it is nobody's. On a line
 * nobody owns every event is allowed, and only a registration claims it.
 *
 * <p>
 * Ownership follows the order in which events were accepted onto line-events, not their
 * {@code occurredAt}: the same order for ingest and the scheduler.
 */
public final class LineOwnership {

	private LineOwnership() {
	}

	/** Whether applying an event was allowed, and the line's owner afterwards. */
	public record Decision(boolean allowed, LineOwner owner) {

	}

	/**
	 * Whether {@code sender} may send an event for a line owned by {@code owner} (null:
	 * nobody); {@code registration} says whether the event is a {@link LineRegistered}.
	 */
	public static boolean allows(LineOwner owner, OperatorId sender, boolean registration) {
		return owner == null || owner.operator().equals(sender) || (owner.released() && registration);
	}

	/** Applies {@code event} to a line owned by {@code owner} (null: nobody). */
	public static Decision apply(LineOwner owner, LineEvent event) {
		if (!allows(owner, event.operator(), event instanceof LineRegistered)) {
			return new Decision(false, owner);
		}
		if (event instanceof LineRegistered) {
			return new Decision(true, LineOwner.of(event.operator()));
		}
		if (event instanceof LineCancelled) {
			return new Decision(true, (owner != null) ? owner.release() : null);
		}
		if (event instanceof LineErased) {
			return new Decision(true, null);
		}
		if (event instanceof ValidityExtended || event instanceof HolderUpdated
				|| event instanceof ReminderResendRequested) {
			return new Decision(true, owner);
		}
		throw new UnhandledTypeException(event);
	}

}
