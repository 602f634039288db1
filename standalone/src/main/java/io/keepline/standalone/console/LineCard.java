package io.keepline.standalone.console;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import io.keepline.contracts.Holder;
import io.keepline.contracts.KeeplineEvent;
import io.keepline.contracts.Money;
import io.keepline.contracts.UnhandledTypeException;
import io.keepline.contracts.deadline.AutoRenewalDue;
import io.keepline.contracts.deadline.DeadlineEvent;
import io.keepline.contracts.deadline.LineLapsed;
import io.keepline.contracts.deadline.RefundDue;
import io.keepline.contracts.deadline.ReminderDue;
import io.keepline.contracts.deadline.RenewalConfirmed;
import io.keepline.contracts.line.HolderUpdated;
import io.keepline.contracts.line.LineCancelled;
import io.keepline.contracts.line.LineErased;
import io.keepline.contracts.line.LineEvent;
import io.keepline.contracts.line.LineRegistered;
import io.keepline.contracts.line.ValidityExtended;
import io.keepline.contracts.payment.PaymentEvent;
import io.keepline.contracts.notification.NotificationEvent;
import io.keepline.contracts.payment.PaymentFailed;
import io.keepline.contracts.payment.PaymentMethodCodeRequested;
import io.keepline.contracts.payment.PaymentMethodSaved;
import io.keepline.contracts.payment.PaymentRefunded;
import io.keepline.contracts.payment.PaymentSucceeded;
import io.keepline.contracts.rejected.RejectedEvent;

/**
 * What the console knows about one line, folded from the events of every topic: its
 * registration, current validity, the reminder stages sent for the current cycle and its
 * state.
 */
public record LineCard(String msisdn, String operator, String plan, LocalDate validUntil, Money price, Holder holder,
		List<Integer> leadDays, boolean autoRenew, CardState state, Set<Integer> remindedStages, Instant updatedAt) {

	static LineCard empty(String msisdn) {
		return new LineCard(msisdn, null, null, null, null, null, null, false, CardState.UNKNOWN, Set.of(), null);
	}

	LineCard apply(LineEvent event) {
		if (event instanceof LineRegistered r) {
			return new LineCard(this.msisdn, r.operator().value(), r.plan(), r.validUntil(), r.renewalPrice(),
					r.holder(), r.effectiveLeadDays(), r.autoRenew(), CardState.WATCHED, Set.of(), r.occurredAt());
		}
		if (event instanceof ValidityExtended v) {
			return newCycle(v.validUntil(), CardState.WATCHED, v.occurredAt());
		}
		if (event instanceof HolderUpdated h) {
			return new LineCard(this.msisdn, this.operator, this.plan, this.validUntil, this.price,
					(h.holder() != null) ? h.holder() : this.holder,
					(h.leadDays() != null) ? h.leadDays() : this.leadDays,
					(h.autoRenew() != null) ? h.autoRenew() : this.autoRenew, this.state, this.remindedStages,
					h.occurredAt());
		}
		if (event instanceof LineCancelled c) {
			return with(CardState.CANCELLED, c.occurredAt());
		}
		if (event instanceof LineErased e) {
			return new LineCard(this.msisdn, this.operator, this.plan, this.validUntil, this.price, null, this.leadDays,
					false, CardState.ERASED, this.remindedStages, e.occurredAt());
		}
		throw new UnhandledTypeException(event);
	}

	LineCard apply(DeadlineEvent event) {
		LineCard card = (this.validUntil == null) ? newCycle(event.validUntil(), this.state, this.updatedAt) : this;
		if (!event.validUntil().equals(card.validUntil) || card.state.isFinal()) {
			return card;
		}
		if (event instanceof ReminderDue r) {
			Set<Integer> stages = new TreeSet<>(card.remindedStages);
			stages.add(r.stage());
			LineCard reminded = card.withHolder(r.holder(), r.price());
			CardState next = (card.state == CardState.RENEWED || card.state == CardState.PAID) ? card.state
					: CardState.REMINDED;
			return new LineCard(this.msisdn, reminded.operator(r), reminded.plan, reminded.validUntil, reminded.price,
					reminded.holder, reminded.leadDays, reminded.autoRenew, next, Set.copyOf(stages), r.occurredAt());
		}
		if (event instanceof AutoRenewalDue a) {
			return card.with(CardState.AUTO_RENEWING, a.occurredAt());
		}
		if (event instanceof RenewalConfirmed c) {
			return card.withHolder(c.holder(), c.amount()).with(CardState.RENEWED, c.occurredAt());
		}
		if (event instanceof LineLapsed l) {
			return card.with(CardState.LAPSED, l.occurredAt());
		}
		if (event instanceof RefundDue) {
			return card;
		}
		throw new UnhandledTypeException(event);
	}

	LineCard apply(PaymentEvent event) {
		if (event instanceof PaymentSucceeded s) {
			return (s.validUntil().equals(this.validUntil) && this.state != CardState.RENEWED)
					? with(CardState.PAID, s.occurredAt()) : this;
		}
		if (event instanceof PaymentFailed f) {
			return (f.validUntil().equals(this.validUntil) && !this.state.isFinal() && this.state != CardState.RENEWED
					&& this.state != CardState.PAID) ? with(CardState.PAYMENT_FAILED, f.occurredAt()) : this;
		}
		if (event instanceof PaymentRefunded || event instanceof PaymentMethodSaved
				|| event instanceof PaymentMethodCodeRequested) {
			return this;
		}
		throw new UnhandledTypeException(event);
	}

	/**
	 * The card after an event of any topic: notifications and rejections leave it as it
	 * is.
	 */
	LineCard apply(KeeplineEvent event) {
		if (event instanceof LineEvent line) {
			return apply(line);
		}
		if (event instanceof DeadlineEvent deadline) {
			return apply(deadline);
		}
		if (event instanceof PaymentEvent payment) {
			return apply(payment);
		}
		if (event instanceof NotificationEvent || event instanceof RejectedEvent) {
			return this;
		}
		throw new UnhandledTypeException(event);
	}

	private String operator(DeadlineEvent event) {
		return (this.operator != null) ? this.operator : event.operator().value();
	}

	private LineCard newCycle(LocalDate date, CardState newState, Instant at) {
		return new LineCard(this.msisdn, this.operator, this.plan, date, this.price, this.holder, this.leadDays,
				this.autoRenew, newState, Set.of(), at);
	}

	private LineCard with(CardState newState, Instant at) {
		return new LineCard(this.msisdn, this.operator, this.plan, this.validUntil, this.price, this.holder,
				this.leadDays, this.autoRenew, newState, this.remindedStages, at);
	}

	private LineCard withHolder(Holder newHolder, Money newPrice) {
		return new LineCard(this.msisdn, this.operator, this.plan, this.validUntil,
				(this.price != null) ? this.price : newPrice, (this.holder != null) ? this.holder : newHolder,
				this.leadDays, this.autoRenew, this.state, this.remindedStages, this.updatedAt);
	}

	/** The stages in force, the line's own or the defaults. */
	public List<Integer> stages() {
		return (this.leadDays != null) ? this.leadDays : LineRegistered.DEFAULT_LEAD_DAYS;
	}

}
