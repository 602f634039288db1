package io.keepline.notifier.delivery;

import io.keepline.contracts.deadline.DeadlineEvent;
import io.keepline.contracts.deadline.ReminderDue;
import io.keepline.contracts.linerecord.CycleState;
import io.keepline.contracts.linerecord.LineRecord;

/**
 * What the line's record says about a message at send time: send it to the record's
 * holder, suppress it for good, or wait for the record (a transient failure). A
 * suppression carries a reason code published on notification-events.
 *
 * @param verdict send, suppress or wait
 * @param reason why it is suppressed or waits; null when sent
 */
record SendCheck(Verdict verdict, String reason) {

	/** Why a notice is not sent when its line's record was deleted (erased) lately. */
	static final String LINE_ERASED = "line_erased";

	/** Why a notice is not sent when its line has no record after the wait for it. */
	static final String LINE_NOT_REGISTERED = "line_not_registered";

	/**
	 * Why a notice is not sent when its line's record names no way to reach the holder:
	 * the contact's keys were shredded (a replay of an erased line's events).
	 */
	static final String CONTACT_UNKNOWN = "contact_unknown";

	enum Verdict {

		SEND, SUPPRESS, WAIT

	}

	/**
	 * Checks {@code event} against its line's {@code record} (null if there is none):
	 * nothing for an erased, unknown or cancelled line; no reminder for a cycle that is
	 * not the line's current one, is renewed or has a payment in progress. Lapse notices
	 * and receipts go out whatever the cycle. The message goes to the record's holder, so
	 * a re-registration or a holder update since the event applies to it (a new
	 * registration of a recycled number for another date suppresses a reminder as not
	 * current). A missing record of a line not erased lately is waited for while
	 * {@code mayWait} (it is written with the event, and the notifier's table may lag),
	 * then the line is taken as never registered.
	 */
	static SendCheck of(DeadlineEvent event, LineRecord record, boolean erased, boolean mayWait) {
		if (record == null) {
			if (erased) {
				return suppress(LINE_ERASED);
			}
			return mayWait ? new SendCheck(Verdict.WAIT, "line_record_missing") : suppress(LINE_NOT_REGISTERED);
		}
		if (record.holder() == null || !record.holder().contactKnown()) {
			return suppress(CONTACT_UNKNOWN);
		}
		if (record.cycleState() == CycleState.CANCELLED) {
			return suppress("line_cancelled");
		}
		if (event instanceof ReminderDue) {
			if (!record.validUntil().equals(event.validUntil())) {
				return suppress("cycle_not_current");
			}
			if (record.cycleState() == CycleState.RENEWED) {
				return suppress("cycle_renewed");
			}
			if (record.cycleState() == CycleState.PAYMENT_PENDING) {
				return suppress("payment_pending");
			}
		}
		return new SendCheck(Verdict.SEND, null);
	}

	private static SendCheck suppress(String reason) {
		return new SendCheck(Verdict.SUPPRESS, reason);
	}

}
