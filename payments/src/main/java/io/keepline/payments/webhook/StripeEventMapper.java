package io.keepline.payments.webhook;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import com.stripe.exception.EventDataObjectDeserializationException;
import com.stripe.model.Charge;
import com.stripe.model.Dispute;
import com.stripe.model.Event;
import com.stripe.model.EventDataObjectDeserializer;
import com.stripe.model.PaymentIntent;
import com.stripe.model.StripeError;
import com.stripe.model.StripeObject;
import com.stripe.model.checkout.Session;
import io.keepline.contracts.InvalidValueException;
import io.keepline.contracts.Money;
import io.keepline.contracts.Msisdn;
import io.keepline.contracts.PaymentMethodRef;
import io.keepline.contracts.UnhandledTypeException;
import io.keepline.contracts.payment.PaymentDisputed;
import io.keepline.contracts.payment.PaymentEvent;
import io.keepline.contracts.payment.PaymentFailed;
import io.keepline.contracts.payment.PaymentMethodSaved;
import io.keepline.contracts.payment.PaymentProcessing;
import io.keepline.contracts.payment.PaymentRefunded;
import io.keepline.contracts.payment.PaymentSource;
import io.keepline.contracts.payment.PaymentSucceeded;
import io.keepline.payments.gateway.CycleMetadata;
import io.keepline.payments.gateway.DeclineCodes;
import io.keepline.payments.gateway.PaymentGateway;
import io.keepline.payments.line.LineRecordLookup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a verified Stripe event into the payment event it means, or nothing for types and
 * objects that are not Keepline's. The Keepline event id is derived from the Stripe event
 * id, so a replay maps to the same event; a handled type whose object this mapper has no
 * branch for is an {@link UnhandledTypeException}. A method saved for a line without a
 * current registration, or for an earlier one, is detached and maps to nothing
 * ({@link SetupRegistrations}).
 */
public class StripeEventMapper {

	/** The Stripe event types payments handles. */
	public static final List<String> HANDLED = List.of("checkout.session.completed",
			"checkout.session.async_payment_succeeded", "checkout.session.async_payment_failed",
			"payment_intent.succeeded", "payment_intent.payment_failed", "payment_intent.processing", "charge.refunded",
			"charge.dispute.created");

	private static final Logger log = LoggerFactory.getLogger(StripeEventMapper.class);

	private final PaymentGateway gateway;

	private final SetupRegistrations registrations;

	public StripeEventMapper(PaymentGateway gateway, LineRecordLookup lines) {
		this.gateway = gateway;
		this.registrations = new SetupRegistrations(lines);
	}

	public Optional<PaymentEvent> map(Event event) {
		if (!HANDLED.contains(event.getType())) {
			return Optional.empty();
		}
		StripeObject object = object(event);
		Instant at = Instant.ofEpochSecond(event.getCreated());
		UUID eventId = UUID.nameUUIDFromBytes(("stripe:" + event.getId()).getBytes(StandardCharsets.UTF_8));
		if (object instanceof Session session) {
			return session(event, session, at, eventId);
		}
		if (object instanceof PaymentIntent intent) {
			return intent(event, intent, at, eventId);
		}
		if (object instanceof Dispute dispute) {
			return disputed(event, dispute, at, eventId);
		}
		if (object instanceof Charge charge) {
			return refunded(event, charge, at, eventId);
		}
		throw new UnhandledTypeException(object);
	}

	private Optional<PaymentEvent> session(Event event, Session session, Instant at, UUID eventId) {
		Cycle cycle = Cycle.of(session.getMetadata());
		if (cycle == null) {
			return Optional.empty();
		}
		if ("setup".equals(session.getMode())) {
			if (!"checkout.session.completed".equals(event.getType()) || session.getSetupIntent() == null) {
				return Optional.empty();
			}
			PaymentMethodRef method = this.gateway.savedMethod(session.getSetupIntent());
			Optional<String> refusal = this.registrations.refusal(cycle.msisdn(), session.getMetadata());
			if (refusal.isPresent()) {
				this.gateway.detachPaymentMethod(method.paymentMethodId());
				log.info("Payment method saved for {} refused ({}) and detached at Stripe", cycle.msisdn().masked(),
						refusal.get());
				return Optional.empty();
			}
			return Optional.of(new PaymentMethodSaved(eventId, at, cycle.msisdn(), method, session.getSetupIntent(),
					event.getId()));
		}
		if (session.getPaymentIntent() == null || session.getAmountTotal() == null) {
			return Optional.empty();
		}
		Money amount = money(session.getAmountTotal(), session.getCurrency());
		return switch (event.getType()) {
			case "checkout.session.completed",
					"checkout.session.async_payment_succeeded" ->
				"paid".equals(session.getPaymentStatus())
						? Optional.of(new PaymentSucceeded(eventId, at, cycle.msisdn(), cycle.validUntil(), amount,
								PaymentSource.CHECKOUT, null, session.getPaymentIntent(), event.getId()))
						: Optional.empty();
			case "checkout.session.async_payment_failed" ->
				Optional.of(new PaymentFailed(eventId, at, cycle.msisdn(), cycle.validUntil(), PaymentSource.CHECKOUT,
						null, session.getPaymentIntent(), event.getId(), "async_payment_failed", null, true));
			default -> Optional.empty();
		};
	}

	private static Optional<PaymentEvent> intent(Event event, PaymentIntent intent, Instant at, UUID eventId) {
		Cycle cycle = Cycle.of(intent.getMetadata());
		if (cycle == null) {
			return Optional.empty();
		}
		PaymentSource source = cycle.source();
		if ("payment_intent.succeeded".equals(event.getType())) {
			long amount = (intent.getAmountReceived() != null && intent.getAmountReceived() > 0)
					? intent.getAmountReceived() : intent.getAmount();
			return Optional.of(new PaymentSucceeded(eventId, at, cycle.msisdn(), cycle.validUntil(),
					money(amount, intent.getCurrency()), source, cycle.attempt(), intent.getId(), event.getId()));
		}
		if ("payment_intent.processing".equals(event.getType())) {
			return Optional.of(new PaymentProcessing(eventId, at, cycle.msisdn(), cycle.validUntil(),
					money(intent.getAmount(), intent.getCurrency()), source, cycle.attempt(), intent.getId(),
					event.getId()));
		}
		StripeError error = intent.getLastPaymentError();
		String reason = (error != null && error.getCode() != null) ? error.getCode() : "payment_failed";
		String decline = (error != null) ? error.getDeclineCode() : null;
		return Optional.of(new PaymentFailed(eventId, at, cycle.msisdn(), cycle.validUntil(), source, cycle.attempt(),
				intent.getId(), event.getId(), reason, decline, DeclineCodes.retryable(reason, decline)));
	}

	private static Optional<PaymentEvent> refunded(Event event, Charge charge, Instant at, UUID eventId) {
		Cycle cycle = Cycle.of(charge.getMetadata());
		if (cycle == null || charge.getPaymentIntent() == null || charge.getAmountRefunded() == null
				|| charge.getAmountRefunded() <= 0) {
			return Optional.empty();
		}
		String refundId = (charge.getRefunds() != null && charge.getRefunds().getData() != null
				&& !charge.getRefunds().getData().isEmpty()) ? charge.getRefunds().getData().get(0).getId() : null;
		return Optional.of(new PaymentRefunded(eventId, at, cycle.msisdn(), cycle.validUntil(),
				money(charge.getAmountRefunded(), charge.getCurrency()), charge.getPaymentIntent(), refundId,
				event.getId()));
	}

	/**
	 * A dispute names only its PaymentIntent: the cycle comes from that intent's
	 * metadata, asked of Stripe.
	 */
	private Optional<PaymentEvent> disputed(Event event, Dispute dispute, Instant at, UUID eventId) {
		if (dispute.getPaymentIntent() == null) {
			return Optional.empty();
		}
		Cycle cycle = this.gateway.intentMetadata(dispute.getPaymentIntent()).map(Cycle::of).orElse(null);
		if (cycle == null) {
			return Optional.empty();
		}
		return Optional.of(new PaymentDisputed(eventId, at, cycle.msisdn(), cycle.validUntil(),
				money(dispute.getAmount(), dispute.getCurrency()), dispute.getPaymentIntent(), dispute.getCharge(),
				dispute.getId(), Objects.requireNonNullElse(dispute.getReason(), "general"), event.getId()));
	}

	private static StripeObject object(Event event) {
		EventDataObjectDeserializer data = event.getDataObjectDeserializer();
		Optional<StripeObject> typed = data.getObject();
		if (typed.isPresent()) {
			return typed.get();
		}
		try {
			return data.deserializeUnsafe();
		}
		catch (EventDataObjectDeserializationException ex) {
			throw new UnreadableEventException("data.object of " + event.getType() + " cannot be read", ex);
		}
	}

	private static Money money(long cents, String currency) {
		return Money.of(cents, currency.toUpperCase(Locale.ROOT));
	}

	/** The cycle named by Keepline's metadata, or null when the object is not ours. */
	private record Cycle(Msisdn msisdn, LocalDate validUntil, PaymentSource source, Integer attempt) {

		static Cycle of(Map<String, String> metadata) {
			if (metadata == null || metadata.get(CycleMetadata.MSISDN) == null
					|| metadata.get(CycleMetadata.VALID_UNTIL) == null) {
				return null;
			}
			try {
				PaymentSource source = "auto_renewal".equals(metadata.get(CycleMetadata.SOURCE))
						? PaymentSource.AUTO_RENEWAL : PaymentSource.CHECKOUT;
				String attempt = metadata.get(CycleMetadata.ATTEMPT);
				return new Cycle(Msisdn.of(metadata.get(CycleMetadata.MSISDN)),
						LocalDate.parse(metadata.get(CycleMetadata.VALID_UNTIL)), source,
						(attempt != null) ? Integer.valueOf(attempt) : null);
			}
			catch (InvalidValueException | DateTimeParseException | NumberFormatException ex) {
				throw new UnreadableEventException("Keepline metadata is invalid", ex);
			}
		}

	}

}
