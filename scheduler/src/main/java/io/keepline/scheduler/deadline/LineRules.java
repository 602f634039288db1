package io.keepline.scheduler.deadline;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import io.keepline.contracts.KeeplineEvent;
import io.keepline.contracts.Msisdn;
import io.keepline.contracts.UnhandledTypeException;
import io.keepline.contracts.deadline.DeadlineEvent;
import io.keepline.contracts.deadline.ReminderDue;
import io.keepline.contracts.line.HolderUpdated;
import io.keepline.contracts.line.LineCancelled;
import io.keepline.contracts.line.LineErased;
import io.keepline.contracts.line.LineEvent;
import io.keepline.contracts.line.LineOwnership;
import io.keepline.contracts.line.LineRegistered;
import io.keepline.contracts.line.ReminderResendRequested;
import io.keepline.contracts.line.ValidityExtended;
import io.keepline.contracts.payment.PaymentEvent;

/**
 * The deadline rules of design §3 as a pure function: an input event or a due entry and
 * the line's state in, the new state (with its deadlines re-planned) and the events to
 * emit out. Duplicate event ids are ignored; out-of-order events are resolved by
 * {@code occurredAt} and by validUntil only ever moving forward. Line events from an
 * operator that does not own the line change nothing ({@link LineOwnership}); a line
 * registered by a new owner after its cancellation starts afresh. A new holder inherits
 * nothing of the previous one: a registration with another holder or after a
 * cancellation, a cancellation and a lapse forget the saved method and the paid cycles
 * (an erasure forgets the whole line). An operator's resend request re-emits the open
 * cycle's current reminder.
 */
public final class LineRules {

	private final EngineSettings settings;

	private final Planner planner;

	private final Deadlines deadlines;

	private final PaymentRules payments;

	public LineRules(EngineSettings settings) {
		Schedule schedule = new Schedule(settings);
		this.settings = settings;
		this.planner = new Planner(schedule);
		this.deadlines = new Deadlines(schedule);
		this.payments = new PaymentRules(this.deadlines, settings);
	}

	/**
	 * Applies an input event. The outcome's state is {@code current} itself when nothing
	 * changed.
	 */
	public Outcome apply(LineState current, Msisdn msisdn, KeeplineEvent event, Instant now) {
		if (current != null && current.seen().contains(event.eventId())) {
			return Outcome.of(current);
		}
		LineState.Draft line;
		List<DeadlineEvent> emitted = new ArrayList<>();
		boolean changed;
		if (event instanceof LineEvent lineEvent) {
			LineOwnership.Decision decision = Ownership.decide(current, msisdn, lineEvent);
			if (!decision.allowed()) {
				return Outcome.of(current);
			}
			if (event instanceof LineErased) {
				return Outcome.of(null);
			}
			line = Ownership.draft(current, msisdn, decision.owner());
			changed = (event instanceof ReminderResendRequested resend) ? resend(line, resend, now, emitted)
					: onLine(line, lineEvent, now);
			line.owner = decision.owner();
		}
		else if (event instanceof PaymentEvent payment) {
			line = ((current != null) ? current : LineState.stub(msisdn)).draft();
			changed = this.payments.on(line, payment, now, emitted);
		}
		else {
			throw new IllegalArgumentException("not an input event: " + event.getClass().getSimpleName());
		}
		if (!changed && current == null) {
			return Outcome.of(null);
		}
		line.remember(event.eventId(), this.settings.recentEventIds());
		this.planner.replan(line, now);
		return new Outcome(line.state(), emitted);
	}

	/** Fires a due entry; a stale one (no longer planned) changes nothing. */
	public Outcome fire(LineState current, DueEntry entry, Instant now) {
		DueEntry planned = (current != null)
				? current.planned().stream().filter(entry::sameSlot).findFirst().orElse(null) : null;
		if (planned == null) {
			return Outcome.of(current);
		}
		DeadlineEvent event = this.deadlines.fired(current, planned, now);
		LineState.Draft line = current.draft();
		line.cycle = line.cycle.with(entry.milestone());
		if (entry.kind() == DueKind.LAPSE && !line.cycle.pending()) {
			// a payment still being processed (a SEPA debit) may renew this holder's
			// cycle: their card and opt-in stay until it fails, so that a late success
			// renews with automatic renewal as it was
			line.forgetHolder(false);
		}
		line.note(now, event.getClass().getSimpleName() + " " + entry.milestone().code(), this.settings.historySize());
		this.planner.replan(line, now);
		return Outcome.of(line.state(), event);
	}

	/**
	 * Whether firing {@code entry} did nothing to the line but mark it fired (a reminder
	 * whose firing re-plans nothing else): then the processor deletes the entry from the
	 * due index and leaves the stored state as it is, and {@link #settle} marks the
	 * reminder fired whenever the line is loaded.
	 */
	public boolean firedOnly(LineState current, DueEntry entry, Outcome outcome, Instant now) {
		return current != null && outcome.state() != null && outcome.state() != current && reminder(entry)
				&& outcome.state().equals(marked(current, entry, now));
	}

	/**
	 * The stored state as the rules see it: each planned reminder that the due index no
	 * longer holds ({@code pending} false) fired without the state being rewritten
	 * ({@link #firedOnly}), so it is marked fired, in due order, with a history line at
	 * its due instant. Reminders are the only entries checked, so that a line costs one
	 * index lookup per planned reminder.
	 */
	public LineState settle(LineState stored, Predicate<DueEntry> pending) {
		if (stored == null) {
			return null;
		}
		LineState line = stored;
		for (DueEntry entry : stored.planned()) {
			if (reminder(entry) && !pending.test(entry)) {
				line = marked(line, entry, entry.due());
			}
		}
		return line;
	}

	/**
	 * {@code state} with {@code entry} fired: its milestone reached, no longer planned.
	 */
	private LineState marked(LineState state, DueEntry entry, Instant at) {
		LineState.Draft line = state.draft();
		line.cycle = line.cycle.with(entry.milestone());
		line.planned = state.planned().stream().filter((planned) -> !planned.sameSlot(entry)).toList();
		line.note(at, ReminderDue.class.getSimpleName() + " " + entry.milestone().code(), this.settings.historySize());
		return line.state();
	}

	private static boolean reminder(DueEntry entry) {
		return entry.kind() == DueKind.REMINDER || entry.kind() == DueKind.FAILURE_REMINDER;
	}

	/**
	 * Sends the current reminder of the requested cycle again while it is open: the most
	 * recent reminder stage that went out, else the next one planned, else the most
	 * urgent stage. Its id derives from the request's, so a replayed request sends
	 * nothing more.
	 */
	private boolean resend(LineState.Draft line, ReminderResendRequested request, Instant now,
			List<DeadlineEvent> emitted) {
		LineState state = line.state();
		if (state.status() != LineStatus.ACTIVE || !state.cycle().validUntil().equals(request.validUntil())) {
			return false;
		}
		int stage = currentStage(state);
		emitted.add(this.deadlines.resent(state, stage, request.eventId(), now));
		line.note(now, "ReminderDue R" + stage + " resent", this.settings.historySize());
		return true;
	}

	private static int currentStage(LineState line) {
		List<Milestone> done = line.cycle().done();
		for (int i = done.size() - 1; i >= 0; i--) {
			Milestone milestone = done.get(i);
			if (milestone.kind() == Milestone.Kind.REMINDER && !milestone.skipped()) {
				return milestone.stage();
			}
		}
		return line.planned()
			.stream()
			.filter((entry) -> entry.kind() == DueKind.REMINDER)
			.findFirst()
			.map(DueEntry::stage)
			.orElseGet(() -> line.stages().stream().min(Integer::compare).orElseThrow());
	}

	/**
	 * Applies an allowed line event other than an erasure, which {@link #apply} handles
	 * before.
	 */
	private boolean onLine(LineState.Draft line, LineEvent event, Instant now) {
		Instant at = (event.occurredAt() != null) ? event.occurredAt() : now;
		if (event instanceof LineRegistered registered) {
			return register(line, registered, at, now);
		}
		if (event instanceof ValidityExtended extended) {
			boolean started = line.startCycle(extended.validUntil());
			if (started) {
				line.note(now, "ValidityExtended " + extended.validUntil(), this.settings.historySize());
			}
			return started;
		}
		if (event instanceof HolderUpdated updated) {
			if (line.registeredAt == null || (line.profileAt != null && at.isBefore(line.profileAt))) {
				return false;
			}
			line.holder = (updated.holder() != null) ? updated.holder() : line.holder;
			line.leadDays = (updated.leadDays() != null) ? updated.leadDays() : line.leadDays;
			line.autoRenew = (updated.autoRenew() != null) ? updated.autoRenew() : line.autoRenew;
			line.profileAt = at;
			line.note(now, "HolderUpdated", this.settings.historySize());
			return true;
		}
		if (event instanceof ReminderResendRequested) {
			return false;
		}
		if (event instanceof LineCancelled) {
			if (line.registeredAt != null && at.isBefore(line.registeredAt)) {
				return false;
			}
			line.cancelledAt = at;
			line.forgetHolder(false);
			line.note(now, "LineCancelled", this.settings.historySize());
			return true;
		}
		throw new UnhandledTypeException(event);
	}

	private boolean register(LineState.Draft line, LineRegistered event, Instant at, Instant now) {
		boolean newer = line.profileAt == null || !at.isBefore(line.profileAt);
		boolean afterCancellation = line.cancelledAt != null && at.isAfter(line.cancelledAt);
		if (line.registeredAt != null && newer && (afterCancellation || !Holders.same(line.holder, event.holder()))) {
			// a recycled number or a new watch: nothing of the previous holder is kept
			line.forgetHolder(true);
		}
		if (newer) {
			line.holder = event.holder();
			line.leadDays = event.leadDays();
			line.autoRenew = event.autoRenew();
			line.profileAt = at;
		}
		if (line.registeredAt == null || newer) {
			line.operator = event.operator();
			line.plan = event.plan();
			line.price = event.renewalPrice();
			line.registeredAt = at;
		}
		if (afterCancellation) {
			line.cancelledAt = null;
		}
		line.startCycle(event.validUntil());
		line.note(now, "LineRegistered " + event.validUntil(), this.settings.historySize());
		return true;
	}

}
