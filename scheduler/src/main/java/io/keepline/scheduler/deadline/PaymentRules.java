package io.keepline.scheduler.deadline;

import java.time.Instant;
import java.util.List;

import io.keepline.contracts.Money;
import io.keepline.contracts.UnhandledTypeException;
import io.keepline.contracts.deadline.DeadlineEvent;
import io.keepline.contracts.deadline.PaymentFailure;
import io.keepline.contracts.deadline.RefundDue;
import io.keepline.contracts.payment.AutoRenewalStopped;
import io.keepline.contracts.payment.PaymentDisputed;
import io.keepline.contracts.payment.PaymentEvent;
import io.keepline.contracts.payment.PaymentFailed;
import io.keepline.contracts.payment.PaymentMethodCodeRequested;
import io.keepline.contracts.payment.PaymentMethodCodeTried;
import io.keepline.contracts.payment.PaymentMethodRemoved;
import io.keepline.contracts.payment.PaymentMethodSaved;
import io.keepline.contracts.payment.PaymentProcessing;
import io.keepline.contracts.payment.PaymentRefunded;
import io.keepline.contracts.payment.PaymentSource;
import io.keepline.contracts.payment.PaymentSucceeded;
import io.keepline.contracts.payment.TopUpReported;

/**
 * How payment outcomes change a line: a success of the cycle's exact price confirms the
 * current cycle once; a payment of another amount or currency, or a second payment for a
 * paid (or superseded) cycle, is flagged for refund once and leaves the cycle as it was;
 * an automatic charge failure schedules its reminder and the next attempt; a saved method
 * enables automatic renewal only for a line with a current, open registration, and the
 * holder turning it off or removing the card (under the current registration) drops the
 * method the scheduler would charge, so no further charge is planned; the holder saying
 * they topped up at the operator pauses the cycle's pressure for a while. A payment being
 * processed holds the cycle ({@code PAYMENT_PENDING}) until its success (confirmed even
 * after the lapse, and then flagged so) or failure; a dispute changes nothing here.
 */
final class PaymentRules {

	/** A payment in another currency than the cycle's price. */
	static final String CURRENCY_MISMATCH = "currency_mismatch";

	/** A payment of another amount than the cycle's price. */
	static final String AMOUNT_MISMATCH = "amount_mismatch";

	private final Deadlines deadlines;

	private final EngineSettings settings;

	PaymentRules(Deadlines deadlines, EngineSettings settings) {
		this.deadlines = deadlines;
		this.settings = settings;
	}

	boolean on(LineState.Draft line, PaymentEvent event, Instant now, List<DeadlineEvent> emitted) {
		if (event instanceof PaymentMethodSaved saved) {
			if (!watched(line) || line.cancelledAt != null || line.cycle.lapsed()) {
				// no current holder to save it for (payments detaches it at Stripe)
				line.note(now, "PaymentMethodSaved refused", this.settings.historySize());
				return line.registeredAt != null;
			}
			line.paymentMethod = saved.paymentMethod();
			line.note(now, "PaymentMethodSaved", this.settings.historySize());
			return true;
		}
		if (event instanceof AutoRenewalStopped stopped) {
			return holderStopped(line, stopped.registeredAt(), "AutoRenewalStopped", now);
		}
		if (event instanceof PaymentMethodRemoved removed) {
			return holderStopped(line, removed.registeredAt(), "PaymentMethodRemoved", now);
		}
		if (event instanceof TopUpReported reported) {
			return topUpReported(line, reported, now);
		}
		if (event instanceof PaymentSucceeded succeeded) {
			return watched(line) && succeeded(line, succeeded, now, emitted);
		}
		if (event instanceof PaymentFailed failed) {
			return watched(line) && (settledFailed(line, failed, now) | failed(line, failed, now));
		}
		if (event instanceof PaymentProcessing processing) {
			return watched(line) && processing(line, processing, now);
		}
		if (event instanceof PaymentDisputed) {
			// recorded on payment-events for payments' history and the operator: no
			// automatic action
			return false;
		}
		if (event instanceof PaymentRefunded refunded) {
			if (!watched(line)) {
				return false;
			}
			line.note(now, "PaymentRefunded " + refunded.validUntil(), this.settings.historySize());
			return true;
		}
		if (event instanceof PaymentMethodCodeRequested || event instanceof PaymentMethodCodeTried) {
			// between payments and the holder: nothing changes until a card is saved
			return false;
		}
		throw new UnhandledTypeException(event);
	}

	/**
	 * The holder of the registration made at {@code registeredAt} turned automatic
	 * renewal off: the method to charge is dropped (the card itself stays with payments
	 * until the holder removes it). A request under an earlier registration (a recycled
	 * number's previous holder) changes nothing.
	 */
	private boolean holderStopped(LineState.Draft line, Instant registeredAt, String fact, Instant now) {
		if (!watched(line) || !registeredAt.equals(line.registeredAt) || line.paymentMethod == null) {
			return false;
		}
		line.paymentMethod = null;
		line.note(now, fact, this.settings.historySize());
		return true;
	}

	/**
	 * The holder said they topped up the current open cycle at the operator: its pressure
	 * (reminders and automatic charges) is held until the report's {@code pausedUntil},
	 * once per cycle (a second report changes nothing), while the operator's
	 * {@code ValidityExtended} is awaited; it ends the cycle as usual. A report about
	 * another cycle, an earlier registration, a paid, pending or lapsed cycle, or a
	 * cancelled line changes nothing; the lapse is never moved.
	 */
	private boolean topUpReported(LineState.Draft line, TopUpReported reported, Instant now) {
		if (!watched(line) || !reported.registeredAt().equals(line.registeredAt) || line.cancelledAt != null) {
			return false;
		}
		Cycle cycle = line.cycle;
		if (!reported.validUntil().equals(cycle.validUntil()) || cycle.paid() || cycle.pending() || cycle.lapsed()
				|| cycle.pausedUntil() != null) {
			return false;
		}
		line.cycle = cycle.pausedUntil(reported.pausedUntil());
		line.note(now, "TopUpReported " + reported.validUntil() + " paused until " + reported.pausedUntil(),
				this.settings.historySize());
		return true;
	}

	/** Whether the line is registered and has a cycle a payment can belong to. */
	private static boolean watched(LineState.Draft line) {
		return line.registeredAt != null && line.cycle != null;
	}

	private boolean succeeded(LineState.Draft line, PaymentSucceeded payment, Instant now,
			List<DeadlineEvent> emitted) {
		Cycle cycle = line.cycle;
		String intent = payment.paymentIntentId();
		if (payment.validUntil().isAfter(cycle.validUntil())) {
			return false;
		}
		if (payment.validUntil().equals(cycle.validUntil())) {
			if (cycle.paid()) {
				return intent.equals(cycle.paymentIntentId()) ? false
						: refund(line, payment, "already_paid", now, emitted);
			}
			if (line.cancelledAt != null) {
				return refund(line, payment, "line_cancelled", now, emitted);
			}
			String mismatch = mismatch(line.price, payment.amount());
			if (mismatch != null) {
				return refund(line, payment, mismatch, now, emitted);
			}
			// a debit that settled after LineLapsed went out: the operator is told so
			boolean afterLapse = cycle.lapsed();
			line.cycle = cycle.paidWith(intent, payment.amount());
			emitted.add(this.deadlines.confirmed(line.state(), payment, afterLapse, now));
			line.note(now, "RenewalConfirmed " + payment.validUntil(), this.settings.historySize());
			return true;
		}
		for (PaidCycle paid : line.paidCycles) {
			if (paid.validUntil().equals(payment.validUntil())) {
				return intent.equals(paid.paymentIntentId()) ? false
						: refund(line, payment, "already_paid", now, emitted);
			}
		}
		return refund(line, payment, "cycle_superseded", now, emitted);
	}

	private boolean processing(LineState.Draft line, PaymentProcessing payment, Instant now) {
		Cycle cycle = line.cycle;
		boolean attemptFailed = payment.attempt() != null && payment.attempt() <= cycle.failures();
		if (!payment.validUntil().equals(cycle.validUntil()) || cycle.paid() || line.cancelledAt != null
				|| attemptFailed || payment.paymentIntentId().equals(cycle.pendingIntentId())) {
			return false;
		}
		line.cycle = cycle.processing(payment.paymentIntentId());
		line.note(now, "PaymentProcessing " + payment.validUntil(), this.settings.historySize());
		return true;
	}

	/** The pending payment failed: the cycle is open (or lapsed) again. */
	private boolean settledFailed(LineState.Draft line, PaymentFailed payment, Instant now) {
		if (payment.paymentIntentId() == null || !payment.paymentIntentId().equals(line.cycle.pendingIntentId())) {
			return false;
		}
		line.cycle = line.cycle.processing(null);
		if (line.cycle.lapsed()) {
			// the lapse kept the holder's card for this payment: the line is lost now
			line.forgetHolder(false);
		}
		line.note(now, "PaymentProcessing failed " + payment.validUntil(), this.settings.historySize());
		return true;
	}

	/**
	 * Why {@code paid} cannot renew a cycle priced {@code price}: another currency or
	 * another amount; null when it matches.
	 */
	static String mismatch(Money price, Money paid) {
		if (price == null || !price.currency().equals(paid.currency())) {
			return CURRENCY_MISMATCH;
		}
		return (price.amountCents() != paid.amountCents()) ? AMOUNT_MISMATCH : null;
	}

	/**
	 * Flags {@code payment} for refund, once: the refund's own id joins the ids seen, so
	 * a payment reported again under another event id (the webhook, then reconciliation)
	 * is not flagged twice.
	 */
	private boolean refund(LineState.Draft line, PaymentSucceeded payment, String reason, Instant now,
			List<DeadlineEvent> emitted) {
		RefundDue refund = this.deadlines.refund(line.state(), payment, reason, now);
		if (line.seen.contains(refund.eventId())) {
			return false;
		}
		emitted.add(refund);
		line.remember(refund.eventId(), this.settings.recentEventIds());
		line.note(now, "RefundDue " + payment.validUntil() + " " + reason, this.settings.historySize());
		return true;
	}

	private boolean failed(LineState.Draft line, PaymentFailed payment, Instant now) {
		Cycle cycle = line.cycle;
		int attempt = (payment.attempt() != null) ? payment.attempt() : cycle.failures() + 1;
		if (payment.source() != PaymentSource.AUTO_RENEWAL || !payment.validUntil().equals(cycle.validUntil())
				|| cycle.paid() || attempt <= cycle.failures()) {
			return false;
		}
		boolean stop = !payment.retryable() || attempt >= this.settings.maxAttempts();
		line.cycle = cycle.failed(new PaymentFailure(payment.reason(), payment.declineCode(), attempt), stop);
		line.note(now, "PaymentFailed attempt " + attempt + " " + payment.reason(), this.settings.historySize());
		return true;
	}

}
