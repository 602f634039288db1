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
import io.keepline.contracts.linerecord.SavedMethod;
import io.keepline.contracts.payment.AutoRenewalStopped;
import io.keepline.contracts.payment.PaymentDisputed;
import io.keepline.contracts.payment.PaymentEvent;
import io.keepline.contracts.payment.PaymentFailed;
import io.keepline.contracts.payment.PaymentMethodCodeRequested;
import io.keepline.contracts.payment.PaymentMethodCodeTried;
import io.keepline.contracts.payment.PaymentMethodRemoved;
import io.keepline.contracts.payment.TopUpReported;
import io.keepline.contracts.payment.PaymentMethodSaved;
import io.keepline.contracts.payment.PaymentProcessing;
import io.keepline.contracts.payment.PaymentRefunded;
import io.keepline.contracts.payment.PaymentSucceeded;
import io.keepline.payments.line.PaymentRecord.Kind;

/**
 * What only payments knows of a line, folded from the payment-events it published: the
 * recent payments, the Stripe event ids already published and the last saved method with
 * its Stripe customer, the holder turning automatic renewal off or removing the card, and
 * the last one-time code requests with their tries (bounded lists, newest last). The
 * saved card's brand, last four digits and expiry are sealed on payment-events: the
 * history learns them from the line record ({@link #withCard}). The line itself (cycle,
 * state, price, holder) is the scheduler's line record. Once the line is erased only the
 * payments and Stripe event ids stay (the duplicate checks need them, as payment-events
 * keeps them), with the Stripe customers erasure deletes ({@link #forgotten()});
 * {@code erasedCustomers} also keeps the customer of a card the holder removed, for
 * erasure to delete.
 */
public record PaymentHistory(Msisdn msisdn, List<PaymentRecord> payments, List<String> stripeEventIds,
		PaymentMethodRef savedMethod, Instant methodSavedAt, List<CodeRequest> codeRequests,
		List<String> erasedCustomers) {

	static final int MAX_PAYMENTS = 40;

	static final int MAX_STRIPE_EVENTS = 200;

	static final int MAX_CODE_REQUESTS = 10;

	/**
	 * A history stored before code requests (or erased customers) were kept reads as
	 * having none.
	 */
	public PaymentHistory {
		codeRequests = (codeRequests != null) ? codeRequests : List.of();
		erasedCustomers = (erasedCustomers != null) ? erasedCustomers : List.of();
	}

	public static PaymentHistory empty(Msisdn msisdn) {
		return new PaymentHistory(msisdn, List.of(), List.of(), null, null, List.of(), List.of());
	}

	/**
	 * This history once its line is erased: no saved method (brand, last4, expiry) and no
	 * code request any more; the saved method's Stripe customer moves to
	 * {@link #erasedCustomers()}, for erasure to delete at Stripe whichever it reads
	 * first.
	 */
	public PaymentHistory forgotten() {
		List<String> customers = customers();
		if (this.savedMethod == null && this.codeRequests.isEmpty() && customers.equals(this.erasedCustomers)) {
			return this;
		}
		return new PaymentHistory(this.msisdn, this.payments, this.stripeEventIds, null, null, List.of(), customers);
	}

	/**
	 * This history with the card of its saved method as the line record shows it
	 * ({@code card} of the registration made at {@code registeredAt}). Payment-events
	 * carry the card sealed and payments reads it as unknown: it learns the card from the
	 * record, which the scheduler writes once it has opened the event with the line's
	 * key, and forgets it with the record. The same history when no method of that
	 * registration is saved or it already has that card.
	 */
	public PaymentHistory withCard(SavedMethod card, Instant registeredAt) {
		Optional<PaymentMethodRef> saved = methodSince(registeredAt);
		if (card == null || saved.isEmpty()) {
			return this;
		}
		PaymentMethodRef method = saved.get();
		PaymentMethodRef learned = new PaymentMethodRef(method.customerId(), method.paymentMethodId(),
				card.brand().isEmpty() ? null : card.brand(), card.last4().isEmpty() ? null : card.last4(),
				card.expMonth(), card.expYear());
		if (learned.equals(method)) {
			return this;
		}
		return new PaymentHistory(this.msisdn, this.payments, this.stripeEventIds, learned, this.methodSavedAt,
				this.codeRequests, this.erasedCustomers);
	}

	/** Every Stripe customer this line's saved methods had, erased ones included. */
	public List<String> customers() {
		List<String> customers = new ArrayList<>(this.erasedCustomers);
		if (this.savedMethod != null && !customers.contains(this.savedMethod.customerId())) {
			customers.add(this.savedMethod.customerId());
		}
		return List.copyOf(customers);
	}

	/**
	 * The method saved since {@code since} (the current registration) and not removed, if
	 * any: the Stripe references and the card the holder saved.
	 */
	public Optional<PaymentMethodRef> methodSince(Instant since) {
		if (this.savedMethod == null || (since != null && this.methodSavedAt.isBefore(since))) {
			return Optional.empty();
		}
		return Optional.of(this.savedMethod);
	}

	/**
	 * Whether the holder turned automatic renewal off (or removed the card) after the
	 * last card they saved.
	 */
	public boolean autoRenewalStopped() {
		for (int i = this.payments.size() - 1; i >= 0; i--) {
			Kind kind = this.payments.get(i).kind();
			if (kind == Kind.METHOD_SAVED) {
				return false;
			}
			if (kind == Kind.AUTO_RENEWAL_STOPPED || kind == Kind.METHOD_REMOVED) {
				return true;
			}
		}
		return false;
	}

	/** The latest one-time code request on this line, if any. */
	public Optional<CodeRequest> latestCodeRequest() {
		return this.codeRequests.isEmpty() ? Optional.empty()
				: Optional.of(this.codeRequests.get(this.codeRequests.size() - 1));
	}

	/** How many one-time codes were requested at or after {@code since}. */
	public long codeRequestsSince(Instant since) {
		return this.codeRequests.stream().filter((r) -> !r.at().isBefore(since)).count();
	}

	/** Whether a payment for {@code validUntil} succeeded and was not refunded. */
	public Optional<PaymentRecord> paidBy(LocalDate validUntil) {
		return this.payments.stream()
			.filter((p) -> p.kind() == Kind.SUCCEEDED && validUntil.equals(p.validUntil()))
			.filter((p) -> !has(Kind.REFUNDED, p.paymentIntentId()))
			.findFirst();
	}

	/**
	 * How many payments of this line started processing before {@code before} and have
	 * neither succeeded nor failed since.
	 */
	public long processingSince(Instant before) {
		return this.payments.stream()
			.filter((p) -> p.kind() == Kind.PROCESSING && p.at().isBefore(before))
			.filter((p) -> !has(Kind.SUCCEEDED, p.paymentIntentId()) && !has(Kind.FAILED, p.paymentIntentId()))
			.count();
	}

	public boolean has(Kind kind, String paymentIntentId) {
		return paymentIntentId != null && this.payments.stream()
			.anyMatch((p) -> p.kind() == kind && paymentIntentId.equals(p.paymentIntentId()));
	}

	/**
	 * Whether the payment event {@code eventId} (a payment or a code request) is already
	 * in this history.
	 */
	public boolean recorded(UUID eventId) {
		return this.payments.stream().anyMatch((p) -> p.eventId().equals(eventId))
				|| this.codeRequests.stream().anyMatch((r) -> r.requestId().equals(eventId));
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
		return methodSince(since).map(PaymentMethodRef::customerId);
	}

	/**
	 * The holder's report, since {@code since} (the current registration), that they
	 * topped up the cycle ending {@code validUntil} at the operator, if they made one.
	 */
	public Optional<PaymentRecord> topUpReported(Instant since, LocalDate validUntil) {
		return this.payments.stream()
			.filter((p) -> p.kind() == Kind.TOP_UP_REPORTED && validUntil.equals(p.validUntil()))
			.filter((p) -> since == null || !p.at().isBefore(since))
			.findFirst();
	}

	public PaymentHistory apply(PaymentEvent event) {
		if (event instanceof PaymentMethodCodeRequested request) {
			return withCodeRequest(request);
		}
		if (event instanceof PaymentMethodCodeTried tried) {
			return withCodeTry(tried);
		}
		if (recorded(event.eventId())) {
			return this;
		}
		PaymentRecord record = record(event);
		if (event instanceof PaymentMethodRemoved) {
			return withoutMethod(record);
		}
		boolean saved = event instanceof PaymentMethodSaved;
		PaymentMethodRef method = saved ? ((PaymentMethodSaved) event).paymentMethod() : this.savedMethod;
		List<String> seen = (event.stripeEventId() != null)
				? append(this.stripeEventIds, event.stripeEventId(), MAX_STRIPE_EVENTS) : this.stripeEventIds;
		return new PaymentHistory(this.msisdn, append(this.payments, record, MAX_PAYMENTS), seen, method,
				saved ? event.occurredAt() : this.methodSavedAt, this.codeRequests, this.erasedCustomers);
	}

	/**
	 * The card removed: its customer stays known (in {@code erasedCustomers}) so that an
	 * erasure still deletes it at Stripe.
	 */
	private PaymentHistory withoutMethod(PaymentRecord record) {
		List<String> customers = customers();
		return new PaymentHistory(this.msisdn, append(this.payments, record, MAX_PAYMENTS), this.stripeEventIds, null,
				null, this.codeRequests, customers);
	}

	private PaymentHistory withCodeRequest(PaymentMethodCodeRequested request) {
		if (recorded(request.eventId())) {
			return this;
		}
		CodeRequest code = new CodeRequest(request.eventId(), request.occurredAt(), request.keyId(),
				request.expiresAt());
		return new PaymentHistory(this.msisdn, this.payments, this.stripeEventIds, this.savedMethod, this.methodSavedAt,
				append(this.codeRequests, code, MAX_CODE_REQUESTS), this.erasedCustomers);
	}

	/**
	 * Counts a try of one of the kept requests; a try of an older one changes nothing.
	 */
	private PaymentHistory withCodeTry(PaymentMethodCodeTried tried) {
		List<CodeRequest> requests = this.codeRequests.stream()
			.map((r) -> r.requestId().equals(tried.requestId()) ? r.with(tried) : r)
			.toList();
		return new PaymentHistory(this.msisdn, this.payments, this.stripeEventIds, this.savedMethod, this.methodSavedAt,
				requests, this.erasedCustomers);
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
		if (event instanceof PaymentProcessing processing) {
			return new PaymentRecord(processing.eventId(), processing.occurredAt(), Kind.PROCESSING,
					processing.validUntil(), processing.amount(), processing.paymentIntentId(), null);
		}
		if (event instanceof PaymentDisputed disputed) {
			return new PaymentRecord(disputed.eventId(), disputed.occurredAt(), Kind.DISPUTED, disputed.validUntil(),
					disputed.amount(), disputed.paymentIntentId(), disputed.reason());
		}
		if (event instanceof PaymentMethodSaved saved) {
			return new PaymentRecord(saved.eventId(), saved.occurredAt(), Kind.METHOD_SAVED, null, null,
					saved.setupIntentId(), null);
		}
		if (event instanceof AutoRenewalStopped stopped) {
			return new PaymentRecord(stopped.eventId(), stopped.occurredAt(), Kind.AUTO_RENEWAL_STOPPED, null, null,
					null, null);
		}
		if (event instanceof PaymentMethodRemoved removed) {
			return new PaymentRecord(removed.eventId(), removed.occurredAt(), Kind.METHOD_REMOVED, null, null, null,
					null);
		}
		if (event instanceof TopUpReported reported) {
			return new PaymentRecord(reported.eventId(), reported.occurredAt(), Kind.TOP_UP_REPORTED,
					reported.validUntil(), null, null, null);
		}
		if (event instanceof PaymentMethodCodeRequested || event instanceof PaymentMethodCodeTried) {
			throw new IllegalArgumentException("a one-time code is not a payment record");
		}
		throw new UnhandledTypeException(event);
	}

	private static <T> List<T> append(List<T> list, T item, int max) {
		List<T> copy = new ArrayList<>(list);
		copy.add(item);
		return List.copyOf(copy.subList(Math.max(0, copy.size() - max), copy.size()));
	}

}
