package io.keepline.payments.webhook;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import io.keepline.contracts.UnhandledTypeException;
import io.keepline.contracts.payment.AutoRenewalStopped;
import io.keepline.contracts.payment.PaymentEvent;
import io.keepline.contracts.payment.PaymentDisputed;
import io.keepline.contracts.payment.PaymentFailed;
import io.keepline.contracts.payment.PaymentMethodCodeRequested;
import io.keepline.contracts.payment.PaymentMethodCodeTried;
import io.keepline.contracts.payment.PaymentMethodRemoved;
import io.keepline.contracts.payment.TopUpReported;
import io.keepline.contracts.payment.PaymentMethodSaved;
import io.keepline.contracts.payment.PaymentProcessing;
import io.keepline.contracts.payment.PaymentRefunded;
import io.keepline.contracts.payment.PaymentSucceeded;
import io.keepline.payments.line.PaymentHistory;
import io.keepline.payments.line.PaymentHistoryLookup;
import io.keepline.payments.line.PaymentRecord.Kind;

/**
 * Decides whether a payment event is new: not one already published (the same event id: a
 * replayed Stripe event, or the outcome of an automatic charge whose AutoRenewalDue was
 * delivered again), not a second success or refund of the same payment intent, not a
 * failure after a success. It asks the payment history (a global store derived from
 * payment-events, the same on every instance, so it survives restarts and answers for
 * another instance's deliveries) and a bounded memory of what this instance published or
 * is publishing (the store lags a little).
 */
public class PublishedOutcomes {

	private final PaymentHistoryLookup histories;

	private final Map<String, Boolean> recent;

	public PublishedOutcomes(PaymentHistoryLookup histories, int capacity) {
		this.histories = histories;
		this.recent = new LinkedHashMap<>(1024, 0.75f, false) {
			@Override
			protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
				return size() > capacity;
			}
		};
	}

	/**
	 * Claims {@code event} for publishing: true when it is new (then call
	 * {@link #published} or {@link #release}), false when it is a duplicate or
	 * superseded.
	 */
	public boolean claim(PaymentEvent event) {
		Optional<PaymentHistory> view = this.histories.history(event.msisdn());
		if (view.isPresent() && supersededBy(view.get(), event)) {
			return false;
		}
		String idKey = idKey(event);
		String eventKey = eventKey(event);
		String outcomeKey = outcomeKey(event);
		synchronized (this.recent) {
			if (this.recent.containsKey(idKey) || (eventKey != null && this.recent.containsKey(eventKey))
					|| (outcomeKey != null && this.recent.containsKey(outcomeKey))) {
				return false;
			}
			if (event instanceof PaymentFailed failed && failed.paymentIntentId() != null
					&& this.recent.containsKey("ok:" + failed.paymentIntentId())) {
				return false;
			}
			this.recent.put(idKey, Boolean.TRUE);
			if (eventKey != null) {
				this.recent.put(eventKey, Boolean.TRUE);
			}
			if (outcomeKey != null) {
				this.recent.put(outcomeKey, Boolean.TRUE);
			}
			return true;
		}
	}

	/** Forgets a claim whose publishing failed, so that Stripe's retry is new again. */
	public void release(PaymentEvent event) {
		synchronized (this.recent) {
			this.recent.remove(idKey(event));
			if (eventKey(event) != null) {
				this.recent.remove(eventKey(event));
			}
			if (outcomeKey(event) != null) {
				this.recent.remove(outcomeKey(event));
			}
		}
	}

	private static boolean supersededBy(PaymentHistory view, PaymentEvent event) {
		if (view.recorded(event.eventId()) || view.published(event.stripeEventId())) {
			return true;
		}
		if (event instanceof PaymentSucceeded ok) {
			return view.has(Kind.SUCCEEDED, ok.paymentIntentId());
		}
		if (event instanceof PaymentFailed failed) {
			return view.has(Kind.SUCCEEDED, failed.paymentIntentId());
		}
		if (event instanceof PaymentRefunded refunded) {
			return view.has(Kind.REFUNDED, refunded.paymentIntentId());
		}
		if (event instanceof PaymentProcessing processing) {
			String intent = processing.paymentIntentId();
			return view.has(Kind.PROCESSING, intent) || view.has(Kind.SUCCEEDED, intent)
					|| view.has(Kind.FAILED, intent);
		}
		if (event instanceof PaymentDisputed disputed) {
			return view.has(Kind.DISPUTED, disputed.paymentIntentId());
		}
		if (event instanceof PaymentMethodSaved saved) {
			return view.has(Kind.METHOD_SAVED, saved.setupIntentId());
		}
		if (event instanceof PaymentMethodCodeRequested || event instanceof PaymentMethodCodeTried
				|| event instanceof AutoRenewalStopped || event instanceof PaymentMethodRemoved
				|| event instanceof TopUpReported) {
			// their event id, derived from the card they name, is the duplicate check
			return false;
		}
		throw new UnhandledTypeException(event);
	}

	private static String idKey(PaymentEvent event) {
		return "id:" + event.eventId();
	}

	private static String eventKey(PaymentEvent event) {
		return (event.stripeEventId() != null) ? "evt:" + event.stripeEventId() : null;
	}

	private static String outcomeKey(PaymentEvent event) {
		if (event instanceof PaymentSucceeded ok) {
			return "ok:" + ok.paymentIntentId();
		}
		if (event instanceof PaymentRefunded refunded) {
			return "refund:" + refunded.paymentIntentId();
		}
		if (event instanceof PaymentProcessing processing) {
			return "processing:" + processing.paymentIntentId();
		}
		if (event instanceof PaymentDisputed disputed) {
			return "dispute:" + disputed.disputeId();
		}
		if (event instanceof PaymentMethodSaved saved) {
			return (saved.setupIntentId() != null) ? "seti:" + saved.setupIntentId() : null;
		}
		if (event instanceof PaymentFailed || event instanceof PaymentMethodCodeRequested
				|| event instanceof PaymentMethodCodeTried || event instanceof AutoRenewalStopped
				|| event instanceof PaymentMethodRemoved || event instanceof TopUpReported) {
			return null;
		}
		throw new UnhandledTypeException(event);
	}

}
