package io.keepline.payments.line;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.keepline.contracts.Msisdn;
import io.keepline.contracts.PaymentMethodRef;
import io.keepline.contracts.UnhandledTypeException;
import io.keepline.contracts.payment.PaymentEvent;
import io.keepline.contracts.payment.PaymentFailed;
import io.keepline.contracts.payment.PaymentMethodCodeRequested;
import io.keepline.contracts.payment.PaymentMethodSaved;
import io.keepline.contracts.payment.PaymentRefunded;
import io.keepline.contracts.payment.PaymentSucceeded;
import io.keepline.payments.line.PaymentRecord.Kind;

/**
 * What only payments knows of a line, folded from the payment-events it published: the
 * recent payments, the Stripe event ids already published and the last saved method with
 * its Stripe customer (bounded lists, newest last). The line itself (cycle, state, price,
 * holder) is the scheduler's line record.
 */
public record PaymentHistory(Msisdn msisdn, List<PaymentRecord> payments, List<String> stripeEventIds,
		PaymentMethodRef savedMethod, Instant methodSavedAt) {

	static final int MAX_PAYMENTS = 40;

	static final int MAX_STRIPE_EVENTS = 200;

	public static PaymentHistory empty(Msisdn msisdn) {
		return new PaymentHistory(msisdn, List.of(), List.of(), null, null);
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

	/** Whether the payment event {@code eventId} is already in this history. */
	public boolean recorded(UUID eventId) {
		return this.payments.stream().anyMatch((p) -> p.eventId().equals(eventId));
	}

	public boolean published(String stripeEventId) {
		return stripeEventId != null && this.stripeEventIds.contains(stripeEventId);
	}

	/**
	 * The payments made since {@code since} (the current registration: a new holder of a
	 * recycled number sees nothing of the previous one's), newest first.
	 */
	public List<PaymentRecord> since(Instant since, int limit) {
		return this.payments.stream()
			.filter((p) -> since == null || !p.at().isBefore(since))
			.sorted((a, b) -> b.at().compareTo(a.at()))
			.limit(limit)
			.toList();
	}

	/** The Stripe customer of the method saved since {@code since}, if any. */
	public Optional<String> customerSince(Instant since) {
		if (this.savedMethod == null || (since != null && this.methodSavedAt.isBefore(since))) {
			return Optional.empty();
		}
		return Optional.ofNullable(this.savedMethod.customerId());
	}

	public PaymentHistory apply(PaymentEvent event) {
		// a code request is no payment: nothing to keep
		if (recorded(event.eventId()) || event instanceof PaymentMethodCodeRequested) {
			return this;
		}
		PaymentRecord record = record(event);
		boolean saved = event instanceof PaymentMethodSaved;
		PaymentMethodRef method = saved ? ((PaymentMethodSaved) event).paymentMethod() : this.savedMethod;
		List<String> seen = (event.stripeEventId() != null)
				? append(this.stripeEventIds, event.stripeEventId(), MAX_STRIPE_EVENTS) : this.stripeEventIds;
		return new PaymentHistory(this.msisdn, append(this.payments, record, MAX_PAYMENTS), seen, method,
				saved ? event.occurredAt() : this.methodSavedAt);
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
		if (event instanceof PaymentMethodCodeRequested) {
			throw new IllegalArgumentException("a code request is not a payment record");
		}
		throw new UnhandledTypeException(event);
	}

	private static <T> List<T> append(List<T> list, T item, int max) {
		List<T> copy = new ArrayList<>(list);
		copy.add(item);
		return List.copyOf(copy.subList(Math.max(0, copy.size() - max), copy.size()));
	}

}
