package io.keepline.payments.stripe;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.stripe.StripeClient;
import com.stripe.exception.ApiConnectionException;
import com.stripe.exception.ApiException;
import com.stripe.exception.CardException;
import com.stripe.exception.InvalidRequestException;
import com.stripe.exception.RateLimitException;
import com.stripe.exception.StripeException;
import com.stripe.model.Event;
import com.stripe.model.PaymentIntent;
import com.stripe.model.PaymentMethod;
import com.stripe.model.Refund;
import com.stripe.model.SetupAttempt;
import com.stripe.model.SetupIntent;
import com.stripe.model.StripeError;
import com.stripe.model.checkout.Session;
import com.stripe.net.RequestOptions;
import com.stripe.param.EventListParams;
import com.stripe.param.PaymentIntentCreateParams;
import com.stripe.param.PaymentIntentListParams;
import com.stripe.param.RefundCreateParams;
import com.stripe.param.RefundListParams;
import com.stripe.param.SetupIntentRetrieveParams;
import io.keepline.contracts.PaymentMethodRef;
import io.keepline.contracts.payment.PaymentSource;
import io.keepline.payments.gateway.ChargeOutcome;
import io.keepline.payments.gateway.CheckoutRequest;
import io.keepline.payments.gateway.CycleMetadata;
import io.keepline.payments.gateway.DeclineCodes;
import io.keepline.payments.gateway.GatewayUnavailableException;
import io.keepline.payments.gateway.HostedSession;
import io.keepline.payments.gateway.OffSessionCharge;
import io.keepline.payments.gateway.PaymentGateway;
import io.keepline.payments.gateway.RefundRequest;
import io.keepline.payments.gateway.RefundResult;
import io.keepline.payments.gateway.SetupRequest;

/**
 * {@link PaymentGateway} on stripe-java's {@link StripeClient}. stripe-java retries
 * connection failures, 409s and 5xx itself with the same idempotency key; what still
 * fails is reported as {@link GatewayUnavailableException} so that the caller retries
 * with the same key later.
 */
public class StripeGateway implements PaymentGateway {

	private final StripeClient client;

	public StripeGateway(StripeClient client) {
		this.client = client;
	}

	@Override
	public HostedSession createCheckoutSession(CheckoutRequest request) {
		Session session = call(() -> this.client.v1()
			.checkout()
			.sessions()
			.create(CheckoutParams.payment(request), idempotent(request.idempotencyKey())));
		return new HostedSession(session.getId(), session.getUrl());
	}

	@Override
	public HostedSession createSetupSession(SetupRequest request) {
		Session session = call(() -> this.client.v1()
			.checkout()
			.sessions()
			.create(CheckoutParams.setup(request), idempotent(request.idempotencyKey())));
		return new HostedSession(session.getId(), session.getUrl());
	}

	@Override
	public Optional<Map<String, String>> intentMetadata(String paymentIntentId) {
		try {
			return Optional.ofNullable(this.client.v1().paymentIntents().retrieve(paymentIntentId).getMetadata());
		}
		catch (InvalidRequestException ex) {
			if ("resource_missing".equals(ex.getCode())) {
				return Optional.empty();
			}
			throw translate(ex);
		}
		catch (StripeException ex) {
			throw translate(ex);
		}
	}

	@Override
	public PaymentMethodRef savedMethod(String setupIntentId) {
		SetupIntent intent = call(() -> this.client.v1()
			.setupIntents()
			.retrieve(setupIntentId,
					SetupIntentRetrieveParams.builder()
						.addExpand("payment_method")
						.addExpand("latest_attempt")
						.build()));
		PaymentMethod method = intent.getPaymentMethodObject();
		String customer = (intent.getCustomer() != null) ? intent.getCustomer() : method.getCustomer();
		if (method.getCard() != null) {
			PaymentMethod.Card card = method.getCard();
			return new PaymentMethodRef(customer, method.getId(), card.getBrand(), card.getLast4(),
					card.getExpMonth().intValue(), card.getExpYear().intValue());
		}
		SetupAttempt attempt = intent.getLatestAttemptObject();
		if ("bancontact".equals(method.getType()) && attempt != null && attempt.getPaymentMethodDetails() != null
				&& attempt.getPaymentMethodDetails().getBancontact() != null) {
			// Bancontact cannot be charged off-session: Stripe generated a SEPA Direct
			// Debit method to use instead.
			SetupAttempt.PaymentMethodDetails.Bancontact bancontact = attempt.getPaymentMethodDetails().getBancontact();
			return new PaymentMethodRef(customer, bancontact.getGeneratedSepaDebit(), "sepa_debit",
					bancontact.getIbanLast4(), 0, 0);
		}
		String last4 = (method.getSepaDebit() != null) ? method.getSepaDebit().getLast4() : null;
		return new PaymentMethodRef(customer, method.getId(), method.getType(), last4, 0, 0);
	}

	@Override
	public void detachPaymentMethod(String paymentMethodId) {
		try {
			this.client.v1().paymentMethods().detach(paymentMethodId);
		}
		catch (InvalidRequestException ex) {
			// already detached (or gone): it can no longer be charged either way
			if (ex.getStatusCode() == null || ex.getStatusCode() >= 500) {
				throw translate(ex);
			}
		}
		catch (StripeException ex) {
			throw translate(ex);
		}
	}

	@Override
	public ChargeOutcome chargeOffSession(OffSessionCharge charge) {
		PaymentIntentCreateParams params = PaymentIntentCreateParams.builder()
			.setAmount(charge.amount().amountCents())
			.setCurrency(charge.amount().currency().getCurrencyCode().toLowerCase(Locale.ROOT))
			.setCustomer(charge.method().customerId())
			.setPaymentMethod(charge.method().paymentMethodId())
			.addPaymentMethodType("sepa_debit".equals(charge.method().brand()) ? "sepa_debit" : "card")
			.setOffSession(true)
			.setConfirm(true)
			.putAllMetadata(CycleMetadata.of(charge.cycle(), PaymentSource.AUTO_RENEWAL, charge.attempt()))
			.build();
		try {
			return outcome(this.client.v1().paymentIntents().create(params, idempotent(charge.idempotencyKey())));
		}
		catch (CardException ex) {
			String intentId = (ex.getStripeError() != null && ex.getStripeError().getPaymentIntent() != null)
					? ex.getStripeError().getPaymentIntent().getId() : null;
			return new ChargeOutcome.Failed(intentId, ex.getCode(), ex.getDeclineCode(),
					DeclineCodes.retryable(ex.getCode(), ex.getDeclineCode()));
		}
		catch (StripeException ex) {
			throw translate(ex);
		}
	}

	@Override
	public RefundResult refund(RefundRequest request) {
		RefundCreateParams params = RefundCreateParams.builder()
			.setPaymentIntent(request.paymentIntentId())
			.setAmount(request.amount().amountCents())
			.setReason(request.duplicate() ? RefundCreateParams.Reason.DUPLICATE
					: RefundCreateParams.Reason.REQUESTED_BY_CUSTOMER)
			.putAllMetadata(CycleMetadata.of(request.cycle(), PaymentSource.CHECKOUT, null))
			.putMetadata(CycleMetadata.REFUND_REASON,
					(request.reason() != null) ? request.reason() : RefundRequest.ALREADY_PAID)
			.build();
		Refund refund = call(() -> this.client.v1().refunds().create(params, idempotent(request.idempotencyKey())));
		return new RefundResult(refund.getId(), refund.getAmount());
	}

	/**
	 * Lists the customer's PaymentIntents (strongly consistent, unlike Search, whose
	 * index lags by up to a minute) and picks those whose metadata names the cycle.
	 */
	@Override
	public Optional<ChargeOutcome> findCharge(OffSessionCharge charge) {
		PaymentIntentListParams params = PaymentIntentListParams.builder()
			.setCustomer(charge.method().customerId())
			.setLimit(100L)
			.build();
		List<PaymentIntent> ofCycle = new ArrayList<>();
		call(() -> {
			for (PaymentIntent intent : this.client.v1().paymentIntents().list(params).autoPagingIterable()) {
				Map<String, String> metadata = intent.getMetadata();
				if (metadata != null && charge.cycle().msisdn().value().equals(metadata.get(CycleMetadata.MSISDN))
						&& charge.cycle().validUntil().toString().equals(metadata.get(CycleMetadata.VALID_UNTIL))) {
					ofCycle.add(intent);
				}
			}
			return ofCycle;
		});
		Optional<PaymentIntent> paid = ofCycle.stream()
			.filter((i) -> "succeeded".equals(i.getStatus()) || "processing".equals(i.getStatus()))
			.findFirst();
		if (paid.isPresent()) {
			return Optional.of(outcome(paid.get()));
		}
		String attempt = Integer.toString(charge.attempt());
		return ofCycle.stream()
			.filter((i) -> attempt.equals(i.getMetadata().get(CycleMetadata.ATTEMPT)))
			.findFirst()
			.map(StripeGateway::failed);
	}

	@Override
	public Optional<RefundResult> findRefund(RefundRequest request) {
		RefundListParams params = RefundListParams.builder()
			.setPaymentIntent(request.paymentIntentId())
			.setLimit(100L)
			.build();
		return call(() -> this.client.v1().refunds().list(params).getData()).stream()
			.filter((r) -> !"failed".equals(r.getStatus()) && !"canceled".equals(r.getStatus()))
			.findFirst()
			.map((r) -> new RefundResult(r.getId(), r.getAmount()));
	}

	@Override
	public void deleteCustomer(String customerId) {
		try {
			this.client.v1().customers().delete(customerId);
		}
		catch (InvalidRequestException ex) {
			if (!"resource_missing".equals(ex.getCode())) {
				throw translate(ex);
			}
		}
		catch (StripeException ex) {
			throw translate(ex);
		}
	}

	@Override
	public List<Event> listEvents(Instant after, Instant until, List<String> types) {
		EventListParams params = EventListParams.builder()
			.setCreated(EventListParams.Created.builder()
				.setGt(after.getEpochSecond())
				.setLte(until.getEpochSecond())
				.build())
			.addAllType(types)
			.setLimit(100L)
			.build();
		List<Event> events = new ArrayList<>();
		call(() -> {
			this.client.v1().events().list(params).autoPagingIterable().forEach(events::add);
			return events;
		});
		Collections.reverse(events);
		events.sort(Comparator.comparing(Event::getCreated));
		return events;
	}

	private static ChargeOutcome outcome(PaymentIntent intent) {
		return switch (intent.getStatus()) {
			case "succeeded" -> new ChargeOutcome.Succeeded(intent.getId());
			case "processing" -> new ChargeOutcome.Pending(intent.getId());
			default -> failed(intent);
		};
	}

	private static ChargeOutcome failed(PaymentIntent intent) {
		StripeError error = intent.getLastPaymentError();
		if (error == null || error.getCode() == null) {
			return new ChargeOutcome.Failed(intent.getId(), intent.getStatus(), null, false);
		}
		return new ChargeOutcome.Failed(intent.getId(), error.getCode(), error.getDeclineCode(),
				DeclineCodes.retryable(error.getCode(), error.getDeclineCode()));
	}

	private static RequestOptions idempotent(String key) {
		return RequestOptions.builder().setIdempotencyKey(key).build();
	}

	private static <T> T call(StripeCall<T> call) {
		try {
			return call.run();
		}
		catch (StripeException ex) {
			throw translate(ex);
		}
	}

	private static RuntimeException translate(StripeException ex) {
		if (ex instanceof ApiConnectionException || ex instanceof ApiException || ex instanceof RateLimitException
				|| (ex.getStatusCode() != null && ex.getStatusCode() >= 500)) {
			boolean answered = ex.getStatusCode() != null && ex.getStatusCode() >= 500;
			return new GatewayUnavailableException("Stripe unavailable: " + ex.getClass().getSimpleName(), ex,
					answered);
		}
		return new IllegalStateException("Stripe refused the request: " + ex.getCode(), ex);
	}

	@FunctionalInterface
	private interface StripeCall<T> {

		T run() throws StripeException;

	}

}
