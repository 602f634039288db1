package io.keepline.scheduler.deadline;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import io.keepline.contracts.deadline.ReminderTrigger;

/**
 * Works out a line's pending deadlines from its state: reminder stages at the send hour
 * in the holder's zone, only the most urgent past stage as a catch-up (the others are
 * skipped), automatic charge attempts, failure reminders and the lapse. While a payment
 * is being processed, only the lapse is planned: no charge and no reminder presses the
 * holder, and the holder's lapse message is held until the payment fails, or for at most
 * {@code settlementWait} after the lapse. While the holder's report of a top-up at the
 * operator pauses the cycle, reminders and charges due before the pause's end are held:
 * at its end, if the cycle is still open, the charge goes and only the most urgent held
 * reminder stage is sent (as a catch-up, the others skipped). The lapse never moves.
 */
final class Planner {

	private final Schedule schedule;

	Planner(Schedule schedule) {
		this.schedule = schedule;
	}

	/** The draft with {@code planned} recomputed and past stages marked skipped. */
	void replan(LineState.Draft line, Instant now) {
		LineState state = line.state();
		List<DueEntry> entries = new ArrayList<>();
		if (state.status() == LineStatus.ACTIVE) {
			Cycle cycle = state.cycle();
			ZoneId zone = state.holder().timeZone();
			Instant lapse = this.schedule.lapseInstant(cycle.validUntil());
			if (!cycle.pending()) {
				autoRenewal(state, now, lapse).ifPresent(entries::add);
				failureReminder(state, now, lapse).ifPresent(entries::add);
				line.cycle = reminders(state, now, lapse, zone, entries);
			}
			Instant lapseDue = keptOr(state, DueKind.LAPSE, 0, now, max(lapse, now));
			entries.add(new DueEntry(lapseDue.toEpochMilli(), DueKind.LAPSE, 0, null));
		}
		else if (state.status() == LineStatus.LAPSED && state.cycle().pending()) {
			line.cycle = state.cycle().with(Milestone.LAPSE_NOTICE_HELD);
			unsettledLapseNotice(state, now).ifPresent(entries::add);
		}
		else if (state.status() == LineStatus.LAPSED) {
			lapseNotice(state, now).ifPresent(entries::add);
		}
		entries.sort(Comparator.comparingLong(DueEntry::dueMillis));
		line.planned = entries;
	}

	private Optional<DueEntry> autoRenewal(LineState state, Instant now, Instant lapse) {
		Cycle cycle = state.cycle();
		int attempt = cycle.failures() + 1;
		if (!state.autoRenewActive() || attempt > this.schedule.settings().maxAttempts()
				|| cycle.has(Milestone.fired(DueKind.AUTO_RENEWAL, attempt))) {
			return Optional.empty();
		}
		Instant due = keptOr(state, DueKind.AUTO_RENEWAL, attempt, now,
				max(this.schedule.sendInstant(cycle.validUntil(), this.schedule.chargeDaysBefore(attempt),
						state.holder().timeZone()), cycle.pressureFrom(now)));
		return due.isBefore(lapse) ? Optional.of(new DueEntry(due.toEpochMilli(), DueKind.AUTO_RENEWAL, attempt, null))
				: Optional.empty();
	}

	/**
	 * The holder's lapse message, until it fired: planned when the lapse fires (its entry
	 * is then still among the planned ones) for the holder's send window from then on, as
	 * catch-up reminders are, and kept as it is afterwards; or, if it was held while a
	 * payment was processed, when that payment failed (sooner than the end of the
	 * settlement wait it was planned for). A line that lapsed before lapse messages were
	 * planned this way gets none.
	 */
	private Optional<DueEntry> lapseNotice(LineState state, Instant now) {
		if (state.cycle().has(Milestone.fired(DueKind.LAPSE_NOTICE, 0))) {
			return Optional.empty();
		}
		boolean held = state.cycle().has(Milestone.LAPSE_NOTICE_HELD);
		Instant due = this.schedule.catchUp(now, state.holder().timeZone());
		for (DueEntry entry : state.planned()) {
			if (entry.kind() == DueKind.LAPSE_NOTICE) {
				// one planned for the end of the settlement wait comes forward once the
				// payment failed
				return Optional.of((held && due.isBefore(entry.due()))
						? new DueEntry(due.toEpochMilli(), DueKind.LAPSE_NOTICE, 0, null) : entry);
			}
		}
		boolean owed = held || state.planned().stream().anyMatch((entry) -> entry.kind() == DueKind.LAPSE);
		if (!owed) {
			return Optional.empty();
		}
		return Optional.of(new DueEntry(due.toEpochMilli(), DueKind.LAPSE_NOTICE, 0, null));
	}

	/**
	 * The lapse message of a line whose payment is still being processed
	 * {@code settlementWait} after the lapse: planned for the holder's send window from
	 * then on (a SEPA debit should have settled by then), kept once planned, and not
	 * again once it fired.
	 */
	private Optional<DueEntry> unsettledLapseNotice(LineState state, Instant now) {
		if (state.cycle().has(Milestone.fired(DueKind.LAPSE_NOTICE, 0))) {
			return Optional.empty();
		}
		Optional<DueEntry> planned = state.planned()
			.stream()
			.filter((entry) -> entry.kind() == DueKind.LAPSE_NOTICE)
			.findFirst();
		if (planned.isPresent()) {
			return planned;
		}
		Instant givenUp = this.schedule.lapseInstant(state.cycle().validUntil())
			.plus(this.schedule.settings().settlementWait());
		Instant due = this.schedule.catchUp(max(givenUp, now), state.holder().timeZone());
		return Optional.of(new DueEntry(due.toEpochMilli(), DueKind.LAPSE_NOTICE, 0, null));
	}

	private Optional<DueEntry> failureReminder(LineState state, Instant now, Instant lapse) {
		Cycle cycle = state.cycle();
		int attempt = cycle.failures();
		if (attempt == 0 || cycle.has(Milestone.fired(DueKind.FAILURE_REMINDER, attempt))) {
			return Optional.empty();
		}
		Instant due = keptOr(state, DueKind.FAILURE_REMINDER, attempt, now,
				this.schedule.catchUp(cycle.pressureFrom(now), state.holder().timeZone()));
		return due.isBefore(lapse) ? Optional.of(new DueEntry(due.toEpochMilli(), DueKind.FAILURE_REMINDER, attempt,
				ReminderTrigger.AUTO_RENEWAL_FAILED)) : Optional.empty();
	}

	private Cycle reminders(LineState state, Instant now, Instant lapse, ZoneId zone, List<DueEntry> entries) {
		Cycle cycle = state.cycle();
		Instant firstCharge = state.autoRenewActive()
				? this.schedule.sendInstant(cycle.validUntil(), this.schedule.chargeDaysBefore(1), zone) : null;
		// a failed charge's reminder covers the stages due on or before its day
		int coveredFrom = (cycle.failures() > 0) ? this.schedule.chargeDaysBefore(cycle.failures()) : Integer.MAX_VALUE;
		// held stages count as past at the end of the top-up pause
		Instant from = cycle.pressureFrom(now);
		boolean keptPast = false;
		List<Integer> newlyPast = new ArrayList<>();
		for (int stage : state.stages()) {
			if (cycle.has(Milestone.fired(DueKind.REMINDER, stage)) || cycle.has(Milestone.skippedReminder(stage))
					|| stage >= coveredFrom) {
				continue;
			}
			Instant due = this.schedule.sendInstant(cycle.validUntil(), stage, zone);
			if (!due.isBefore(lapse) || (firstCharge != null && !due.isBefore(firstCharge))) {
				continue;
			}
			DueEntry kept = kept(state, DueKind.REMINDER, stage, now);
			if (kept != null) {
				entries.add(kept);
				keptPast = true;
			}
			else if (due.isBefore(from)) {
				newlyPast.add(stage);
			}
			else {
				entries.add(new DueEntry(due.toEpochMilli(), DueKind.REMINDER, stage, ReminderTrigger.SCHEDULED));
			}
		}
		if (newlyPast.isEmpty()) {
			return cycle;
		}
		int mostUrgent = newlyPast.stream().min(Integer::compare).orElseThrow();
		boolean catchUp = !keptPast && cycle.failures() == 0;
		for (int stage : newlyPast) {
			if (stage != mostUrgent || !catchUp) {
				cycle = cycle.with(Milestone.skippedReminder(stage));
			}
		}
		Instant due = this.schedule.catchUp(from, zone);
		if (catchUp && due.isBefore(lapse)) {
			entries.add(new DueEntry(due.toEpochMilli(), DueKind.REMINDER, mostUrgent, ReminderTrigger.CATCH_UP));
		}
		return cycle;
	}

	private Instant keptOr(LineState state, DueKind kind, int stage, Instant now, Instant otherwise) {
		DueEntry kept = kept(state, kind, stage, now);
		return (kept != null) ? kept.due() : otherwise;
	}

	/** An entry already planned for this slot and already due: it stays as it is. */
	private static DueEntry kept(LineState state, DueKind kind, int stage, Instant now) {
		for (DueEntry entry : state.planned()) {
			if (entry.kind() == kind && entry.stage() == stage && !entry.due().isAfter(now)) {
				return entry;
			}
		}
		return null;
	}

	private static Instant max(Instant a, Instant b) {
		return a.isAfter(b) ? a : b;
	}

}
