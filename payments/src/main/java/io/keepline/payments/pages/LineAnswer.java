package io.keepline.payments.pages;

import java.time.LocalDate;

import io.keepline.contracts.CycleId;
import io.keepline.contracts.linerecord.CycleState;
import io.keepline.contracts.linerecord.LineRecord;
import io.keepline.payments.line.PaymentHistory;

/**
 * What a link's cycle is worth against the line's current record: payable now, renewed
 * since (a later validity), already renewed (or paid, not yet confirmed), a payment being
 * processed, lapsed, not reached yet, or a line no longer managed here (cancelled or
 * erased).
 */
enum LineAnswer {

	PAYABLE, RENEWED_SINCE, ALREADY_RENEWED, PAYMENT_PENDING, LAPSED, NOT_YET_KNOWN, UNMANAGED;

	static LineAnswer of(CycleId cycle, LineRecord line, PaymentHistory history) {
		if (line == null || line.cycleState() == CycleState.CANCELLED) {
			return UNMANAGED;
		}
		LocalDate current = line.validUntil();
		if (current.isAfter(cycle.validUntil())) {
			return RENEWED_SINCE;
		}
		if (current.isBefore(cycle.validUntil())) {
			return NOT_YET_KNOWN;
		}
		if (line.cycleState() == CycleState.RENEWED || (history != null && history.paidBy(current).isPresent())) {
			return ALREADY_RENEWED;
		}
		if (line.cycleState() == CycleState.PAYMENT_PENDING) {
			return PAYMENT_PENDING;
		}
		return (line.cycleState() == CycleState.LAPSED) ? LAPSED : PAYABLE;
	}

}
