package io.keepline.payments.reconcile;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import com.stripe.model.Event;
import io.keepline.contracts.reconcile.ReconciliationCheckpoint;
import io.keepline.payments.gateway.GatewayUnavailableException;
import io.keepline.payments.gateway.PaymentGateway;
import io.keepline.payments.webhook.StripeEventMapper;
import io.keepline.payments.webhook.WebhookOutcome;
import io.keepline.payments.webhook.WebhookProcessor;
import org.apache.kafka.common.KafkaException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;

/**
 * Reads Stripe's Events API from the checkpoint kept in Kafka, one window at a time, and
 * publishes what the webhook missed through the webhook's duplicate checks; only the
 * instance that {@link ReconcilerElection} elected runs it. It leaves the newest
 * {@code settle} to the webhook, and after a downtime it catches up as far back as
 * {@code max-catch-up}.
 */
class Reconciliation {

	private static final Logger log = LoggerFactory.getLogger(Reconciliation.class);

	/**
	 * Overlap read again behind the checkpoint, for events created in its second or made
	 * visible late.
	 */
	static final Duration OVERLAP = Duration.ofSeconds(5);

	private final PaymentGateway gateway;

	private final WebhookProcessor processor;

	private final ReconciliationCheckpoints checkpoints;

	private final ReconcilerElection election;

	private final ReconciliationSettings settings;

	private final String account;

	private final Duration firstLookback;

	private final Clock clock;

	private final AtomicReference<ReconciliationCheckpoint> reached = new AtomicReference<>();

	Reconciliation(PaymentGateway gateway, WebhookProcessor processor, ReconciliationCheckpoints checkpoints,
			ReconcilerElection election, ReconciliationSettings settings, String account, Duration firstLookback,
			Clock clock) {
		this.gateway = gateway;
		this.processor = processor;
		this.checkpoints = checkpoints;
		this.election = election;
		this.settings = settings;
		this.account = account;
		this.firstLookback = firstLookback;
		this.clock = clock;
	}

	@Scheduled(initialDelayString = "${keepline.payments.reconcile-interval:PT5M}",
			fixedDelayString = "${keepline.payments.reconcile-interval:PT5M}")
	void run() {
		try {
			this.election.whileLeading(this::reconcile);
		}
		catch (GatewayUnavailableException | KafkaException ex) {
			log.warn("Reconciliation postponed: {}", ex.getMessage());
		}
	}

	/** The checkpoint this instance last read or wrote, while it reconciles. */
	Optional<ReconciliationCheckpoint> checkpoint() {
		return this.election.leading() ? Optional.ofNullable(this.reached.get()) : Optional.empty();
	}

	/**
	 * One pass from the checkpoint up to {@code settle} ago: returns how many missed
	 * events were published.
	 */
	int reconcile() {
		Instant now = this.clock.instant().minus(this.settings.settle());
		ReconciliationCheckpoint checkpoint = this.checkpoints.read(this.account)
			.orElseGet(() -> new ReconciliationCheckpoint(this.account, null, now.minus(this.firstLookback), now));
		this.reached.set(checkpoint);
		Instant from = checkpoint.created().minus(OVERLAP);
		Instant oldest = now.minus(this.settings.maxCatchUp());
		if (from.isBefore(oldest)) {
			log.warn("Reconciliation checkpoint {} is older than the catch-up cap: events before {} are not read",
					checkpoint.created(), oldest);
			from = oldest;
		}
		boolean catchingUp = Duration.between(from, now).compareTo(this.settings.window()) > 0;
		if (catchingUp) {
			log.info("Reconciliation catches up from {} to {}", from, now);
		}
		int published = 0;
		for (Instant start = from; start.isBefore(now) && this.election.leading();) {
			Instant end = min(start.plus(this.settings.window()), now);
			Window window = publish(checkpoint, this.gateway.listEvents(start, end, StripeEventMapper.HANDLED), end);
			published += window.published();
			if (!window.reached().equals(checkpoint)) {
				this.checkpoints.write(window.reached());
				checkpoint = window.reached();
				this.reached.set(checkpoint);
			}
			if (catchingUp) {
				log.info("Reconciliation caught up to {}: {} events read, {} published", checkpoint.created(),
						window.read(), window.published());
			}
			if (window.interrupted()) {
				break;
			}
			start = end;
		}
		if (published > 0) {
			log.info("Reconciliation published {} payment events the webhook missed", published);
		}
		return published;
	}

	/**
	 * Publishes {@code events} in order and says how far it got: to {@code end} when all
	 * were handled, else to the last event handled before Kafka, Stripe or the view
	 * failed.
	 */
	private Window publish(ReconciliationCheckpoint from, List<Event> events, Instant end) {
		ReconciliationCheckpoint reached = from;
		int published = 0;
		int read = 0;
		for (Event event : events) {
			WebhookOutcome outcome = this.election.leading() ? this.processor.process(event)
					: WebhookOutcome.UNAVAILABLE;
			if (outcome == WebhookOutcome.UNAVAILABLE) {
				return new Window(reached, read, published, true);
			}
			read++;
			published += (outcome == WebhookOutcome.PUBLISHED) ? 1 : 0;
			reached = at(event.getId(), Instant.ofEpochSecond(event.getCreated()));
		}
		String newest = events.isEmpty() ? from.eventId() : reached.eventId();
		return new Window(at(newest, max(end, from.created())), read, published, false);
	}

	private ReconciliationCheckpoint at(String eventId, Instant created) {
		return new ReconciliationCheckpoint(this.account, eventId, created, this.clock.instant());
	}

	private static Instant min(Instant a, Instant b) {
		return a.isBefore(b) ? a : b;
	}

	private static Instant max(Instant a, Instant b) {
		return a.isAfter(b) ? a : b;
	}

	/** How far one window got. */
	private record Window(ReconciliationCheckpoint reached, int read, int published, boolean interrupted) {
	}

}
