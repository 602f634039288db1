package io.keepline.payments.line;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.keepline.contracts.HolderLocale;
import io.keepline.contracts.Msisdn;
import io.keepline.contracts.PaymentMethodRef;
import io.keepline.contracts.UnhandledTypeException;
import io.keepline.contracts.deadline.AutoRenewalDue;
import io.keepline.contracts.deadline.DeadlineEvent;
import io.keepline.contracts.deadline.LineLapsed;
import io.keepline.contracts.deadline.RefundDue;
import io.keepline.contracts.deadline.ReminderDue;
import io.keepline.contracts.deadline.RenewalConfirmed;
import io.keepline.contracts.payment.PaymentEvent;
import io.keepline.contracts.payment.PaymentFailed;
import io.keepline.contracts.payment.PaymentMethodSaved;
import io.keepline.contracts.payment.PaymentRefunded;
import io.keepline.contracts.payment.PaymentSucceeded;
import io.keepline.payments.line.BillingCycle.CycleState;
import io.keepline.payments.line.PaymentRecord.Kind;

/**
 * What payments knows of one line's cycles and payments, folded from deadline-events and
 * the payment-events it published: recent billing cycles, the saved method, recent
 * payments and the Stripe event ids already published (bounded lists, newest last).
 */
public record LinePayments(Msisdn msisdn, HolderLocale locale, List<BillingCycle> cycles, PaymentMethodRef savedMethod,
		List<PaymentRecord> payments, List<String> stripeEventIds) {

	static final int MAX_CYCLES = 6;

	static final int MAX_PAYMENTS = 40;

	static final int MAX_STRIPE_EVENTS = 200;

	public static LinePayments empty(Msisdn msisdn) {
		return new LinePayments(msisdn, HolderLocale.EN, List.of(), null, List.of(), List.of());
	}

	public Optional<BillingCycle> cycle(LocalDate validUntil) {
		return this.cycles.stream().filter((cycle) -> cycle.validUntil().equals(validUntil)).findFirst();
	}

	/** Whether a payment for {@code validUntil} succeeded and was not refunded. */
	public Optional<PaymentRecord> paidBy(LocalDate validUntil) {
		return this.payments.stream()
			.filter((p) -> p.kind() == Kind.SUCCEEDED && validUntil.equals(p.validUntil()))
			.filter((p) -> !has(Kind.REFUNDED, p.paymentIntentId()))
			.findFirst();
	}

	public boolean has(Kind kind, String paymentIntentId) {
		return paymentIntentId != null && this.payments.stream()
			.anyMatch((p) -> p.kind() == kind && paymentIntentId.equals(p.paymentIntentId()));
	}

	/** Whether the payment event {@code eventId} is already in this view. */
	public boolean recorded(UUID eventId) {
		return this.payments.stream().anyMatch((p) -> p.eventId().equals(eventId));
	}

	public boolean published(String stripeEventId) {
		return stripeEventId != null && this.stripeEventIds.contains(stripeEventId);
	}

	public LinePayments apply(DeadlineEvent event) {
		if (event instanceof ReminderDue reminder) {
			LinePayments view = withCycle(
					new BillingCycle(reminder.validUntil(), reminder.price(), CycleState.OPEN, null), false);
			PaymentMethodRef method = (reminder.plannedCharge() != null) ? reminder.plannedCharge().paymentMethod()
					: view.savedMethod;
			return new LinePayments(view.msisdn, reminder.holder().locale(), view.cycles, method, view.payments,
					view.stripeEventIds);
		}
		if (event instanceof AutoRenewalDue due) {
			LinePayments view = withCycle(new BillingCycle(due.validUntil(), due.price(), CycleState.OPEN, null),
					false);
			HolderLocale locale = (due.locale() != null) ? due.locale() : view.locale;
			return new LinePayments(view.msisdn, locale, view.cycles, due.paymentMethod(), view.payments,
					view.stripeEventIds);
		}
		if (event instanceof RenewalConfirmed confirmed) {
			return withCycle(new BillingCycle(confirmed.validUntil(), confirmed.amount(), CycleState.PAID,
					confirmed.paymentIntentId()), true)
				.withLocale(confirmed.holder().locale());
		}
		if (event instanceof LineLapsed lapsed) {
			BillingCycle current = cycle(lapsed.validUntil()).orElse(null);
			if (current == null || current.state() == CycleState.PAID) {
				return withLocale(lapsed.holder().locale());
			}
			return withCycle(current.with(CycleState.LAPSED, null), true).withLocale(lapsed.holder().locale());
		}
		if (event instanceof RefundDue) {
			return this;
		}
		throw new UnhandledTypeException(event);
	}

	public LinePayments apply(PaymentEvent event) {
		if (recorded(event.eventId())) {
			return this;
		}
		PaymentRecord record = record(event);
		PaymentMethodRef method = (event instanceof PaymentMethodSaved saved) ? saved.paymentMethod()
				: this.savedMethod;
		List<String> seen = (event.stripeEventId() != null)
				? append(this.stripeEventIds, event.stripeEventId(), MAX_STRIPE_EVENTS) : this.stripeEventIds;
		return new LinePayments(this.msisdn, this.locale, this.cycles, method,
				append(this.payments, record, MAX_PAYMENTS), seen);
	}

	private static PaymentRecord record(PaymentEvent event) {
		if (event instanceof PaymentSucceeded ok) {
			return new PaymentRecord(ok.eventId(), ok.occurredAt(), Kind.SUCCEEDED, ok.validUntil(), ok.amount(),
					ok.paymentIntentId(), null);
		}
		if (event instanceof PaymentFailed failed) {
			return new PaymentRecord(failed.eventId(), failed.occurredAt(), Kind.FAILED, failed.validUntil(), null,
					failed.paymentIntentId(), failed.reason());
		}
		if (event instanceof PaymentRefunded refunded) {
			return new PaymentRecord(refunded.eventId(), refunded.occurredAt(), Kind.REFUNDED, refunded.validUntil(),
					refunded.amount(), refunded.paymentIntentId(), null);
		}
		if (event instanceof PaymentMethodSaved saved) {
			return new PaymentRecord(saved.eventId(), saved.occurredAt(), Kind.METHOD_SAVED, null, null,
					saved.setupIntentId(), null);
		}
		throw new UnhandledTypeException(event);
	}

	private LinePayments withCycle(BillingCycle cycle, boolean replaceState) {
		List<BillingCycle> cycles = new ArrayList<>();
		BillingCycle merged = cycle;
		for (BillingCycle existing : this.cycles) {
			if (existing.validUntil().equals(cycle.validUntil())) {
				merged = replaceState ? cycle : new BillingCycle(cycle.validUntil(), cycle.price(), existing.state(),
						existing.paymentIntentId());
			}
			else {
				cycles.add(existing);
			}
		}
		cycles.add(merged);
		cycles.sort((a, b) -> a.validUntil().compareTo(b.validUntil()));
		List<BillingCycle> kept = cycles.subList(Math.max(0, cycles.size() - MAX_CYCLES), cycles.size());
		return new LinePayments(this.msisdn, this.locale, List.copyOf(kept), this.savedMethod, this.payments,
				this.stripeEventIds);
	}

	private LinePayments withLocale(HolderLocale newLocale) {
		return new LinePayments(this.msisdn, newLocale, this.cycles, this.savedMethod, this.payments,
				this.stripeEventIds);
	}

	private static <T> List<T> append(List<T> list, T item, int max) {
		List<T> copy = new ArrayList<>(list);
		copy.add(item);
		return List.copyOf(copy.subList(Math.max(0, copy.size() - max), copy.size()));
	}

}
