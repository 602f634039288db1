package io.keepline.payments.webhook;

import java.time.Clock;
import java.util.Optional;

import com.stripe.exception.SignatureVerificationException;
import com.stripe.model.Event;
import com.stripe.net.Webhook;
import io.keepline.contracts.payment.PaymentEvent;
import io.keepline.contracts.payment.PaymentRefunded;
import io.keepline.contracts.payment.PaymentSucceeded;
import io.keepline.payments.gateway.GatewayUnavailableException;
import io.keepline.payments.line.ViewUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The webhook's work without HTTP: verify the raw payload with
 * {@link Webhook#constructEvent}, map it, drop duplicates, publish and wait for Kafka's
 * acknowledgement. A payment for an erased line is refunded first, and its refund
 * published after it ({@link ErasedLineRefunds}). Also used by reconciliation (already
 * trusted events) and benchmarks.
 */
public class WebhookProcessor {

	private static final Logger log = LoggerFactory.getLogger(WebhookProcessor.class);

	private final String secret;

	private final long toleranceSeconds;

	private final Clock clock;

	private final StripeEventMapper mapper;

	private final PublishedOutcomes outcomes;

	private final PaymentEventPublisher publisher;

	private final ErasedLineRefunds erasedLines;

	/** A processor that publishes every payment as it is, erased line or not. */
	public WebhookProcessor(String secret, long toleranceSeconds, Clock clock, StripeEventMapper mapper,
			PublishedOutcomes outcomes, PaymentEventPublisher publisher) {
		this(secret, toleranceSeconds, clock, mapper, outcomes, publisher, ErasedLineRefunds.NONE);
	}

	public WebhookProcessor(String secret, long toleranceSeconds, Clock clock, StripeEventMapper mapper,
			PublishedOutcomes outcomes, PaymentEventPublisher publisher, ErasedLineRefunds erasedLines) {
		this.secret = secret;
		this.toleranceSeconds = toleranceSeconds;
		this.clock = clock;
		this.mapper = mapper;
		this.outcomes = outcomes;
		this.publisher = publisher;
		this.erasedLines = erasedLines;
	}

	/** Handles one delivery: {@code payload} is the exact request body. */
	public WebhookOutcome handle(String payload, String signatureHeader) {
		Event event;
		try {
			event = Webhook.constructEvent(payload, signatureHeader, this.secret, this.toleranceSeconds, this.clock);
		}
		catch (SignatureVerificationException ex) {
			log.warn("Stripe webhook rejected: {}", ex.getMessage());
			return WebhookOutcome.REJECTED;
		}
		catch (RuntimeException ex) {
			log.warn("Stripe webhook rejected: unreadable body");
			return WebhookOutcome.REJECTED;
		}
		return process(event);
	}

	/** Handles an event that is already trusted (verified, or read from the API). */
	public WebhookOutcome process(Event event) {
		Optional<PaymentEvent> mapped;
		try {
			mapped = this.mapper.map(event);
		}
		catch (UnreadableEventException ex) {
			log.warn("Stripe event {} ({}) rejected: {}", event.getId(), event.getType(), ex.getMessage());
			return WebhookOutcome.REJECTED;
		}
		catch (GatewayUnavailableException | ViewUnavailableException ex) {
			log.warn("Stripe event {} deferred: {}", event.getId(), ex.getMessage());
			return WebhookOutcome.UNAVAILABLE;
		}
		if (mapped.isEmpty()) {
			log.debug("Stripe event {} ({}) ignored", event.getId(), event.getType());
			return WebhookOutcome.IGNORED;
		}
		return publish(mapped.get());
	}

	/** Publishes a payment event unless it is a duplicate. */
	public WebhookOutcome publish(PaymentEvent payment) {
		try {
			if (!this.outcomes.claim(payment)) {
				log.info("{} for {} from {} already published", payment.getClass().getSimpleName(), payment.msisdn(),
						payment.stripeEventId());
				return WebhookOutcome.DUPLICATE;
			}
		}
		catch (ViewUnavailableException ex) {
			log.warn("Payment event for {} deferred: {}", payment.msisdn(), ex.getMessage());
			return WebhookOutcome.UNAVAILABLE;
		}
		Optional<PaymentRefunded> refund;
		try {
			refund = (payment instanceof PaymentSucceeded paid) ? this.erasedLines.refundIfErased(paid)
					: Optional.empty();
		}
		catch (GatewayUnavailableException | ViewUnavailableException ex) {
			this.outcomes.release(payment);
			log.warn("Payment for {} deferred: {}", payment.msisdn(), ex.getMessage());
			return WebhookOutcome.UNAVAILABLE;
		}
		catch (RuntimeException ex) {
			// Stripe refused the refund: the payment is still recorded, for an operator
			refund = Optional.empty();
			log.error("Payment for erased line {} could not be refunded: {}", payment.msisdn(), ex.getMessage());
		}
		try {
			this.publisher.publish(payment);
		}
		catch (PaymentNotPublishedException ex) {
			this.outcomes.release(payment);
			log.warn("{} for {} not published: {}", payment.getClass().getSimpleName(), payment.msisdn(),
					ex.getMessage());
			return WebhookOutcome.UNAVAILABLE;
		}
		log.info("{} published for {} (Stripe event {})", payment.getClass().getSimpleName(), payment.msisdn(),
				payment.stripeEventId());
		// if this is lost, Stripe's own charge.refunded event publishes the refund
		refund.ifPresent(this::publish);
		return WebhookOutcome.PUBLISHED;
	}

}
