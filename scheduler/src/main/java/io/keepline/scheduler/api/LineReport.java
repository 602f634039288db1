package io.keepline.scheduler.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import io.keepline.scheduler.deadline.DueEntry;
import io.keepline.scheduler.deadline.LineState;
import io.keepline.scheduler.deadline.LineStatus;
import io.keepline.scheduler.deadline.Milestone;

/**
 * What {@code GET /v1/lines/{msisdn}} shows an operator: the line's state, validity, next
 * deadlines, the current cycle's milestones, auto-renew status and history. No holder
 * contact data.
 */
record LineReport(String msisdn, String operator, LineStatus state, LocalDate validUntil, List<Deadline> nextDeadlines,
		List<Milestone> done, AutoRenew autoRenew, List<String> history) {

	record Deadline(String kind, int stage, Instant dueAt, String trigger) {

	}

	record AutoRenew(boolean optedIn, boolean paymentMethodSaved, String cardBrand, String cardLast4, boolean active,
			int failedAttempts, String lastFailure) {

	}

	static LineReport of(LineState line) {
		List<Deadline> next = line.planned()
			.stream()
			.map((DueEntry entry) -> new Deadline(entry.kind().name(), entry.stage(), entry.due(),
					(entry.trigger() != null) ? entry.trigger().name() : null))
			.toList();
		var method = line.paymentMethod();
		var cycle = line.cycle();
		AutoRenew autoRenew = new AutoRenew(line.autoRenew(), method != null, (method != null) ? method.brand() : null,
				(method != null) ? method.last4() : null, line.autoRenewActive(),
				(cycle != null) ? cycle.failures() : 0,
				(cycle != null && cycle.lastFailure() != null) ? cycle.lastFailure().reason() : null);
		return new LineReport(line.msisdn().value(), line.operator().value(), line.status(),
				(cycle != null) ? cycle.validUntil() : null, next, (cycle != null) ? cycle.done() : List.of(),
				autoRenew, line.history());
	}

}
