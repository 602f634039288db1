package io.keepline.notifier.delivery;

import io.keepline.contracts.Holder;
import io.keepline.contracts.deadline.DeadlineEvent;
import io.keepline.contracts.deadline.ReminderDue;
import io.keepline.contracts.linerecord.CycleState;
import io.keepline.contracts.linerecord.LineRecord;

/**
 * What the line's record says about a message at send time: send it to the record's
 * holder, suppress it for good, or wait for the record (a transient failure). A
 * suppression names the holder it would have reached and a reason code published on
 * notification-events.
 *
 * @param verdict send, suppress or wait
 * @param holder who the message goes to, or would have gone to
 * @param reason why it is suppressed or waits; null when sent
 */
record SendCheck(Verdict verdict, Holder holder, String reason) {

	enum Verdict {

		SEND, SUPPRESS, WAIT

	}

	/**
	 * Checks {@code event} against its line's {@code record} (null if there is none):
	 * nothing for a cancelled or erased line; no reminder for a cycle that is not the
	 * line's current one, is renewed or has a payment in progress. Lapse notices and
	 * receipts go out whatever the cycle. The message goes to the record's holder, so a
	 * re-registration or a holder update since the event applies to it: a reminder is
	 * about the cycle, and whoever holds the line now is the one who can renew it (a new
	 * registration of a recycled number for another date suppresses it as not current).
	 * {@code snapshot} is the holder the event carries.
	 */
	static SendCheck of(DeadlineEvent event, Holder snapshot, LineRecord record, boolean erased) {
		if (record == null) {
			return erased ? suppress(snapshot, "line_erased")
					: new SendCheck(Verdict.WAIT, snapshot, "line_record_missing");
		}
		if (record.cycleState() == CycleState.CANCELLED) {
			return suppress(record.holder(), "line_cancelled");
		}
		if (event instanceof ReminderDue) {
			if (!record.validUntil().equals(event.validUntil())) {
				return suppress(record.holder(), "cycle_not_current");
			}
			if (record.cycleState() == CycleState.RENEWED) {
				return suppress(record.holder(), "cycle_renewed");
			}
			if (record.cycleState() == CycleState.PAYMENT_PENDING) {
				return suppress(record.holder(), "payment_pending");
			}
		}
		return new SendCheck(Verdict.SEND, record.holder(), null);
	}

	private static SendCheck suppress(Holder holder, String reason) {
		return new SendCheck(Verdict.SUPPRESS, holder, reason);
	}

}
