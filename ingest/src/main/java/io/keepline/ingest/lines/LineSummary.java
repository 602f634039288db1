package io.keepline.ingest.lines;

import java.time.Instant;
import java.time.LocalDate;

import io.keepline.contracts.linerecord.CycleState;
import io.keepline.contracts.linerecord.LineRecord;

/**
 * What the operator API lists of a line, taken from its line record without any holder
 * data: also the value of the per-operator index, a few hundred bytes a line.
 */
record LineSummary(String msisdn, String operator, String plan, LocalDate validUntil, CycleState cycleState,
		long priceCents, String currency, boolean autoRenewAllowed, boolean autoRenewOptedIn, Instant registeredAt,
		Instant updatedAt) {

	static LineSummary of(LineRecord record) {
		return new LineSummary(record.msisdn().value(), record.operator().value(), record.plan(), record.validUntil(),
				record.cycleState(), record.price().amountCents(), record.price().currency().getCurrencyCode(),
				record.autoRenewal().operatorAllows(), record.autoRenewal().holderOptedIn(), record.registeredAt(),
				record.updatedAt());
	}

}
