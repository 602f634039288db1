package io.keepline.scheduler.deadline;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.keepline.contracts.Holder;
import io.keepline.contracts.Money;
import io.keepline.contracts.Msisdn;
import io.keepline.contracts.OperatorId;
import io.keepline.contracts.PaymentMethodRef;
import io.keepline.contracts.line.LineOwner;
import io.keepline.contracts.line.LineRegistered;

/**
 * Everything the scheduler keeps about one line: the registration, the holder snapshot,
 * the current cycle's progress, the deadlines planned in the due index, recent input
 * event ids and a short history. {@code registeredAt} null means a stub built from events
 * that arrived before the registration. {@code owner} is who may change the line
 * ({@link io.keepline.contracts.line.LineOwnership}); null when nobody owns it.
 */
public record LineState(Msisdn msisdn, OperatorId operator, LineOwner owner, String plan, Money price, Holder holder,
		List<Integer> leadDays, boolean autoRenew, PaymentMethodRef paymentMethod, Instant registeredAt,
		Instant profileAt, Instant cancelledAt, Cycle cycle, List<PaidCycle> paidCycles, List<UUID> seen,
		List<DueEntry> planned, List<String> history) {

	public LineState {
		if (owner == null && registeredAt != null && operator != null) {
			// a state stored before ownership was kept: its registration owns it
			owner = new LineOwner(operator, cancelledAt != null);
		}
		leadDays = (leadDays != null) ? List.copyOf(leadDays) : null;
		paidCycles = List.copyOf(paidCycles);
		seen = List.copyOf(seen);
		planned = List.copyOf(planned);
		history = List.copyOf(history);
	}

	static LineState stub(Msisdn msisdn) {
		return new LineState(msisdn, null, null, null, null, null, null, false, null, null, null, null, null, List.of(),
				List.of(), List.of(), List.of());
	}

	public boolean registered() {
		return this.registeredAt != null;
	}

	/** The lead days in force: the line's own or the defaults. */
	public List<Integer> stages() {
		return (this.leadDays != null) ? this.leadDays : LineRegistered.DEFAULT_LEAD_DAYS;
	}

	public LineStatus status() {
		if (this.cancelledAt != null) {
			return LineStatus.CANCELLED;
		}
		if (!registered() || this.cycle == null) {
			return LineStatus.UNREGISTERED;
		}
		if (this.cycle.paid()) {
			return LineStatus.RENEWED;
		}
		return this.cycle.lapsed() ? LineStatus.LAPSED : LineStatus.ACTIVE;
	}

	/** Whether automatic renewal can still charge this cycle. */
	public boolean autoRenewActive() {
		return this.autoRenew && this.paymentMethod != null && this.cycle != null && !this.cycle.autoRenewStopped()
				&& !this.cycle.paid();
	}

	Draft draft() {
		return new Draft(this);
	}

	/** A mutable copy the rules change before freezing it again. */
	static final class Draft {

		private static final int MAX_PAID_CYCLES = 4;

		Msisdn msisdn;

		OperatorId operator;

		LineOwner owner;

		String plan;

		Money price;

		Holder holder;

		List<Integer> leadDays;

		boolean autoRenew;

		PaymentMethodRef paymentMethod;

		Instant registeredAt;

		Instant profileAt;

		Instant cancelledAt;

		Cycle cycle;

		List<PaidCycle> paidCycles;

		List<UUID> seen;

		List<DueEntry> planned;

		List<String> history;

		Draft(LineState s) {
			this.msisdn = s.msisdn;
			this.operator = s.operator;
			this.owner = s.owner;
			this.plan = s.plan;
			this.price = s.price;
			this.holder = s.holder;
			this.leadDays = s.leadDays;
			this.autoRenew = s.autoRenew;
			this.paymentMethod = s.paymentMethod;
			this.registeredAt = s.registeredAt;
			this.profileAt = s.profileAt;
			this.cancelledAt = s.cancelledAt;
			this.cycle = s.cycle;
			this.paidCycles = s.paidCycles;
			this.seen = s.seen;
			this.planned = s.planned;
			this.history = s.history;
		}

		void remember(UUID eventId, int max) {
			List<UUID> more = new ArrayList<>(this.seen);
			more.add(eventId);
			this.seen = more.subList(Math.max(0, more.size() - max), more.size());
		}

		void note(Instant at, String fact, int max) {
			List<String> more = new ArrayList<>(this.history);
			more.add(at + " " + fact);
			this.history = more.subList(Math.max(0, more.size() - max), more.size());
		}

		/**
		 * Starts watching the cycle ending {@code validUntil} if it is later than the
		 * current one.
		 */
		boolean startCycle(LocalDate validUntil) {
			if (this.cycle != null && !validUntil.isAfter(this.cycle.validUntil())) {
				return false;
			}
			if (this.cycle != null && this.cycle.paid()) {
				List<PaidCycle> more = new ArrayList<>(this.paidCycles);
				more.add(new PaidCycle(this.cycle.validUntil(), this.cycle.paymentIntentId()));
				this.paidCycles = more.subList(Math.max(0, more.size() - MAX_PAID_CYCLES), more.size());
			}
			this.cycle = Cycle.of(validUntil);
			this.planned = List.of();
			return true;
		}

		/**
		 * Forgets what belongs to the line's previous holder: the saved method (and with
		 * it the holder's opt-in), the cycles they paid and, when {@code restart}, the
		 * current cycle's progress and the line's history, so that the next holder
		 * inherits none of it.
		 */
		void forgetHolder(boolean restart) {
			this.paymentMethod = null;
			this.paidCycles = List.of();
			if (restart) {
				this.cycle = null;
				this.planned = List.of();
				this.history = List.of();
			}
		}

		LineState state() {
			return new LineState(this.msisdn, this.operator, this.owner, this.plan, this.price, this.holder,
					this.leadDays, this.autoRenew, this.paymentMethod, this.registeredAt, this.profileAt,
					this.cancelledAt, this.cycle, this.paidCycles, this.seen, this.planned, this.history);
		}

	}

}
