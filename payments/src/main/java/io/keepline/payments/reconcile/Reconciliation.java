package io.keepline.payments.reconcile;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import com.stripe.model.Event;
import io.keepline.payments.PaymentsSettings;
import io.keepline.payments.gateway.GatewayUnavailableException;
import io.keepline.payments.gateway.PaymentGateway;
import io.keepline.payments.webhook.StripeEventMapper;
import io.keepline.payments.webhook.WebhookOutcome;
import io.keepline.payments.webhook.WebhookProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Periodically reads Stripe's Events API since its checkpoint and publishes what the
 * webhook missed, through the webhook's duplicate checks. The checkpoint is kept in
 * memory and starts {@code reconcile-lookback} back at start-up: re-reading is harmless
 * because of the dedupe, so a restart loses nothing younger than the look-back.
 */
@Component
class Reconciliation {

	private static final Logger log = LoggerFactory.getLogger(Reconciliation.class);

	/**
	 * Overlap kept behind the newest event seen, for events created in the same second.
	 */
	private static final Duration OVERLAP = Duration.ofSeconds(5);

	private final PaymentGateway gateway;

	private final WebhookProcessor processor;

	private final AtomicReference<Instant> checkpoint;

	Reconciliation(PaymentGateway gateway, WebhookProcessor processor, PaymentsSettings settings, Clock clock) {
		this.gateway = gateway;
		this.processor = processor;
		this.checkpoint = new AtomicReference<>(clock.instant().minus(settings.reconcileLookback()));
	}

	@Scheduled(initialDelayString = "${keepline.payments.reconcile-interval:PT5M}",
			fixedDelayString = "${keepline.payments.reconcile-interval:PT5M}")
	void run() {
		try {
			reconcile();
		}
		catch (GatewayUnavailableException ex) {
			log.warn("Reconciliation postponed: {}", ex.getMessage());
		}
	}

	/** One pass: returns how many missed events were published. */
	int reconcile() {
		Instant since = this.checkpoint.get();
		List<Event> events = this.gateway.listEventsSince(since, StripeEventMapper.HANDLED);
		int published = 0;
		Instant newest = since;
		for (Event event : events) {
			WebhookOutcome outcome = this.processor.process(event);
			if (outcome == WebhookOutcome.UNAVAILABLE) {
				break;
			}
			if (outcome == WebhookOutcome.PUBLISHED) {
				published++;
			}
			Instant created = Instant.ofEpochSecond(event.getCreated());
			newest = created.isAfter(newest) ? created : newest;
		}
		this.checkpoint.set(newest.equals(since) ? since : newest.minus(OVERLAP));
		if (published > 0) {
			log.info("Reconciliation published {} payment events the webhook missed", published);
		}
		return published;
	}

}
