package io.keepline.payments.gateway;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.stripe.model.Event;
import io.keepline.contracts.PaymentMethodRef;

/**
 * What payments needs from Stripe, behind a narrow interface: the stripe-java adapter and
 * the offline sandbox implement it. Every call that creates something takes a
 * deterministic idempotency key. Transient failures (5xx, timeouts after the client's own
 * retries) are thrown as {@link GatewayUnavailableException}.
 */
public interface PaymentGateway {

	/** A hosted Checkout Session in payment mode for one cycle. */
	HostedSession createCheckoutSession(CheckoutRequest request);

	/** A hosted Checkout Session in setup mode that saves a method for renewals. */
	HostedSession createSetupSession(SetupRequest request);

	/** The payment method a completed setup saved, with what a holder recognises. */
	PaymentMethodRef savedMethod(String setupIntentId);

	/**
	 * Detaches a saved payment method from its customer, so it can never be charged
	 * again; one already detached is not an error.
	 */
	void detachPaymentMethod(String paymentMethodId);

	/** Charges a saved method off-session; declines are an outcome, not an exception. */
	ChargeOutcome chargeOffSession(OffSessionCharge charge);

	/**
	 * The metadata of PaymentIntent {@code paymentIntentId} (Keepline's cycle, see
	 * {@link CycleMetadata}), asked for a dispute, which names only its intent; empty
	 * when Stripe has no such intent.
	 */
	Optional<Map<String, String>> intentMetadata(String paymentIntentId);

	/** Refunds a payment intent in full. */
	RefundResult refund(RefundRequest request);

	/**
	 * What Stripe has of {@code charge}'s cycle, asked before every charge and after one
	 * got no answer: a succeeded or processing PaymentIntent of the cycle (any attempt),
	 * else a failed one of this attempt, else empty (nothing was charged).
	 */
	Optional<ChargeOutcome> findCharge(OffSessionCharge charge);

	/** The refund of {@code request}'s PaymentIntent, if Stripe made one. */
	Optional<RefundResult> findRefund(RefundRequest request);

	/**
	 * Deletes a Stripe Customer, which detaches its payment methods: an erased line's. A
	 * customer that is already gone counts as deleted, so a retry is harmless.
	 */
	void deleteCustomer(String customerId);

	/**
	 * Events of the given types created after {@code after} and up to {@code until}
	 * (whole seconds, as Stripe stores them), oldest first; Stripe's pages are followed
	 * with {@code starting_after}.
	 */
	List<Event> listEvents(Instant after, Instant until, List<String> types);

}
