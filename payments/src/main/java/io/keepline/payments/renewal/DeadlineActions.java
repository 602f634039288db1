package io.keepline.payments.renewal;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import io.keepline.contracts.PaymentMethodRef;
import io.keepline.contracts.UnhandledTypeException;
import io.keepline.contracts.deadline.AutoRenewalDue;
import io.keepline.contracts.deadline.DeadlineEvent;
import io.keepline.contracts.deadline.LapseNoticeDue;
import io.keepline.contracts.deadline.LineLapsed;
import io.keepline.contracts.deadline.RefundDue;
import io.keepline.contracts.deadline.ReminderDue;
import io.keepline.contracts.deadline.RenewalConfirmed;
import io.keepline.contracts.linerecord.AutoRenewal;
import io.keepline.contracts.linerecord.CycleState;
import io.keepline.contracts.linerecord.LineRecord;
import io.keepline.contracts.linerecord.SavedMethod;
import io.keepline.contracts.payment.PaymentEvent;
import io.keepline.contracts.payment.PaymentFailed;
import io.keepline.contracts.payment.PaymentProcessing;
import io.keepline.contracts.payment.PaymentRefunded;
import io.keepline.contracts.payment.PaymentSource;
import io.keepline.contracts.payment.PaymentSucceeded;
import io.keepline.payments.gateway.ChargeOutcome;
import io.keepline.payments.gateway.GatewayUnavailableException;
import io.keepline.payments.gateway.OffSessionCharge;
import io.keepline.payments.gateway.PaymentGateway;
import io.keepline.payments.gateway.RefundRequest;
import io.keepline.payments.gateway.RefundResult;
import io.keepline.payments.gateway.RetryKeys;
import io.keepline.payments.line.LineRecordLookup;
import io.keepline.payments.line.PaymentHistory;
import io.keepline.payments.line.PaymentHistoryLookup;
import io.keepline.payments.webhook.WebhookOutcome;
import io.keepline.payments.webhook.WebhookProcessor;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What payments does about scheduler decisions: charge an {@link AutoRenewalDue}
 * off-session with its idempotency key, only while the line record says its cycle is the
 * current one and still open, at the record's price, with the card the record shows (the
 * event carries only the Stripe references; payments' history, when it knows the method
 * saved since the registration, must name the same one), payments has no payment of it in
 * its history, the holder has not turned automatic renewal off since (payments' history
 * has it before the record does) and the event is younger than {@code maxAge} (else the
 * skip is logged and counted in {@value #SKIPPED}); refund a {@link RefundDue} with
 * {@code refund:{paymentIntentId}}, and publish the outcome through the same duplicate
 * checks as the webhook. A transient Stripe failure is thrown
 * ({@link GatewayUnavailableException}) and the action becomes {@link Unsettled}:
 * {@link #settle} then asks Stripe what became of it before it sends it again, under the
 * same key after a try that got no answer, and under a new one when that key answered a
 * 5xx just after Stripe answered the lookup (Stripe keeps a 5xx under its key for 24
 * hours) and Stripe has no PaymentIntent or refund for it; it publishes a retryable
 * {@code gateway_unavailable} failure for a charge still unsettled at the deadline. An
 * outcome that could not be published is an {@link OutcomeNotRecordedException}, retried
 * until it is.
 */
public class DeadlineActions {

	private static final Logger log = LoggerFactory.getLogger(DeadlineActions.class);

	/** Counter of automatic renewals not charged, tagged with the reason. */
	public static final String SKIPPED = "keepline.payments.auto-renewals.skipped";

	private final PaymentGateway gateway;

	private final WebhookProcessor publisher;

	private final LineRecordLookup lines;

	private final PaymentHistoryLookup histories;

	private final Duration maxAge;

	private final Duration gatewayDeadline;

	private final MeterRegistry meters;

	private final Clock clock;

	public DeadlineActions(PaymentGateway gateway, WebhookProcessor publisher, LineRecordLookup lines,
			PaymentHistoryLookup histories, Duration maxAge, Duration gatewayDeadline, MeterRegistry meters,
			Clock clock) {
		this.gateway = gateway;
		this.publisher = publisher;
		this.lines = lines;
		this.histories = histories;
		this.maxAge = maxAge;
		this.gatewayDeadline = gatewayDeadline;
		this.meters = meters;
		this.clock = clock;
	}

	public void on(DeadlineEvent event) {
		if (event instanceof AutoRenewalDue due) {
			charge(due);
			return;
		}
		if (event instanceof RefundDue refund) {
			refund(refund);
			return;
		}
		if (event instanceof ReminderDue || event instanceof RenewalConfirmed || event instanceof LineLapsed
				|| event instanceof LapseNoticeDue) {
			return; // reminders, confirmations and lapses ask nothing of payments
		}
		throw new UnhandledTypeException(event);
	}

	/**
	 * Settles an action that Stripe left without an outcome: skipped if the line moved
	 * on, else what Stripe has of it is published, else it is sent again (under a new key
	 * only when Stripe kept a 5xx under the current one). Throws
	 * {@link GatewayUnavailableException} while Stripe still cannot tell.
	 */
	void settle(Unsettled work) {
		if (work.event() instanceof AutoRenewalDue due) {
			settleCharge(due, work);
			return;
		}
		if (work.event() instanceof RefundDue due) {
			settleRefund(due, work);
			return;
		}
		on(work.event());
	}

	private void charge(AutoRenewalDue due) {
		Optional<LineRecord> line = this.lines.find(due.msisdn());
		Optional<SkipReason> skip = skipReason(due, line, true);
		if (skip.isPresent()) {
			skipped(due, skip.get());
			return;
		}
		OffSessionCharge charge = offSession(due, line.orElseThrow(), 0);
		// Stripe may hold a charge of this cycle that no outcome names yet: one sent
		// under
		// a retry key before a crash, or an earlier attempt that lost its answer. A
		// redelivered event must find it instead of charging under the first key again.
		Optional<ChargeOutcome> found = this.gateway.findCharge(charge);
		if (found.isPresent()) {
			publish(due, found.get());
			return;
		}
		publish(due, this.gateway.chargeOffSession(charge));
	}

	private void settleCharge(AutoRenewalDue due, Unsettled work) {
		Optional<LineRecord> line = this.lines.find(due.msisdn());
		Optional<SkipReason> skip = skipReason(due, line, false);
		if (skip.isPresent()) {
			skipped(due, skip.get());
			return;
		}
		Optional<ChargeOutcome> found;
		try {
			found = this.gateway.findCharge(offSession(due, line.orElseThrow(), work.keyRound()));
		}
		catch (GatewayUnavailableException ex) {
			if (pastDeadline(due)) {
				unavailable(due);
				return;
			}
			throw ex;
		}
		if (found.isPresent()) {
			log.info("Automatic renewal of {} attempt {} found at Stripe after {} tries", due.cycle(), due.attempt(),
					work.tries());
			publish(due, found.get());
			return;
		}
		if (pastDeadline(due)) {
			unavailable(due);
			return;
		}
		OffSessionCharge charge = offSession(due, line.orElseThrow(), work.roundForNextRequest());
		try {
			publish(due, this.gateway.chargeOffSession(charge));
		}
		catch (GatewayUnavailableException ex) {
			work.requestFailed(ex.answered());
			throw ex;
		}
	}

	/**
	 * The charge of {@code due}: the event's Stripe references, with the card the line's
	 * record shows (its brand tells a SEPA debit from a card).
	 */
	private static OffSessionCharge offSession(AutoRenewalDue due, LineRecord line, int keyRound) {
		SavedMethod card = line.autoRenewal().method();
		PaymentMethodRef method = new PaymentMethodRef(due.paymentMethod().customerId(),
				due.paymentMethod().paymentMethodId(), card.brand(), card.last4(), card.expMonth(), card.expYear());
		return new OffSessionCharge(due.cycle(), due.attempt(), method, due.price(),
				RetryKeys.of(due.idempotencyKey(), keyRound));
	}

	private void publish(AutoRenewalDue due, ChargeOutcome outcome) {
		UUID eventId = id(due.idempotencyKey());
		PaymentEvent result;
		if (outcome instanceof ChargeOutcome.Succeeded ok) {
			result = new PaymentSucceeded(eventId, this.clock.instant(), due.msisdn(), due.validUntil(), due.price(),
					PaymentSource.AUTO_RENEWAL, due.attempt(), ok.paymentIntentId(), null);
		}
		else if (outcome instanceof ChargeOutcome.Failed failed) {
			result = new PaymentFailed(eventId, this.clock.instant(), due.msisdn(), due.validUntil(),
					PaymentSource.AUTO_RENEWAL, due.attempt(), failed.paymentIntentId(), null, failed.reason(),
					failed.declineCode(), failed.retryable());
		}
		else if (outcome instanceof ChargeOutcome.Pending pending) {
			result = new PaymentProcessing(eventId, this.clock.instant(), due.msisdn(), due.validUntil(), due.price(),
					PaymentSource.AUTO_RENEWAL, due.attempt(), pending.paymentIntentId(), null);
		}
		else {
			throw new UnhandledTypeException(outcome);
		}
		log.info("Automatic renewal of {} attempt {}: {}", due.cycle(), due.attempt(),
				result.getClass().getSimpleName());
		publish(result);
	}

	/**
	 * Stripe stayed out of reach until the deadline and has no PaymentIntent of the
	 * attempt: nothing was charged, and the scheduler plans the next attempt and a
	 * reminder with a pay link.
	 */
	private void unavailable(AutoRenewalDue due) {
		log.warn("Automatic renewal of {} attempt {} not settled before its deadline: published as {}", due.cycle(),
				due.attempt(), PaymentFailed.GATEWAY_UNAVAILABLE);
		publish(new PaymentFailed(id(due.idempotencyKey() + ":" + PaymentFailed.GATEWAY_UNAVAILABLE),
				this.clock.instant(), due.msisdn(), due.validUntil(), PaymentSource.AUTO_RENEWAL, due.attempt(), null,
				null, PaymentFailed.GATEWAY_UNAVAILABLE, null, true));
	}

	private boolean pastDeadline(AutoRenewalDue due) {
		return due.occurredAt().plus(this.gatewayDeadline).isBefore(this.clock.instant());
	}

	private void skipped(AutoRenewalDue due, SkipReason reason) {
		log.info("Automatic renewal of {} attempt {} not charged: {}", due.cycle(), due.attempt(), reason.tag());
		Counter.builder(SKIPPED)
			.description("AutoRenewalDue events not charged")
			.tag("reason", reason.tag())
			.register(this.meters)
			.increment();
	}

	/**
	 * Why {@code due} must not be charged, if it must not. A record of an earlier cycle
	 * than the event's means the record table lags behind deadline-events (it is written
	 * in the same transaction): the event is retried, and dead-lettered uncharged if the
	 * table does not catch up. No record at all is an erased line (a line with a saved
	 * card had its record long before its first automatic renewal): nothing is charged.
	 */
	private Optional<SkipReason> skipReason(AutoRenewalDue due, Optional<LineRecord> found, boolean checkAge) {
		if (checkAge && due.occurredAt().plus(this.maxAge).isBefore(this.clock.instant())) {
			return Optional.of(SkipReason.TOO_OLD);
		}
		if (found.isEmpty()) {
			return Optional.of(SkipReason.NO_RECORD);
		}
		LineRecord line = found.get();
		if (line.validUntil().isBefore(due.validUntil())) {
			throw new LineRecordBehindException(due.cycle() + " is newer than its line record's current cycle; "
					+ "retried until the record table has caught up");
		}
		if (!line.cycle().equals(due.cycle())) {
			return Optional.of(SkipReason.NOT_CURRENT);
		}
		if (line.cycleState() != CycleState.OPEN) {
			return Optional.of(SkipReason.NOT_OPEN);
		}
		if (!line.price().equals(due.price())) {
			return Optional.of(SkipReason.PRICE_CHANGED);
		}
		Optional<PaymentHistory> history = this.histories.history(due.msisdn());
		Optional<PaymentMethodRef> known = history.flatMap((h) -> h.methodSince(line.registeredAt()));
		if (!holdersMethod(line.autoRenewal(), due.paymentMethod(), known)) {
			return Optional.of(SkipReason.METHOD_CHANGED);
		}
		if (history.flatMap((h) -> h.paidBy(due.validUntil())).isPresent()) {
			return Optional.of(SkipReason.ALREADY_PAID);
		}
		if (history.filter(PaymentHistory::autoRenewalStopped).isPresent()) {
			return Optional.of(SkipReason.HOLDER_STOPPED);
		}
		return Optional.empty();
	}

	/**
	 * Whether {@code method} (the event's Stripe references) is the one the line's
	 * current holder saved and still has automatic renewal with: the record shows an
	 * active card and, when payments' history knows the method saved since the
	 * registration, it is this one and, when the history knows its card (learned from the
	 * record, or from a payment event written before the cards were sealed), the record's
	 * card is its card.
	 */
	private static boolean holdersMethod(AutoRenewal renewal, PaymentMethodRef method,
			Optional<PaymentMethodRef> known) {
		if (!renewal.active() || method == null) {
			return false;
		}
		SavedMethod card = renewal.method();
		return known.map((saved) -> saved.paymentMethodId().equals(method.paymentMethodId())
				&& (!saved.cardKnown() || card.brand().equals(Objects.requireNonNullElse(saved.brand(), ""))
						&& card.last4().equals(Objects.requireNonNullElse(saved.last4(), ""))))
			.orElse(true);
	}

	private void refund(RefundDue due) {
		refunded(due,
				this.gateway.refund(new RefundRequest(due.cycle(), due.paymentIntentId(), due.amount(), due.reason())));
	}

	private void settleRefund(RefundDue due, Unsettled work) {
		RefundRequest request = new RefundRequest(due.cycle(), due.paymentIntentId(), due.amount(), due.reason(),
				work.keyRound());
		Optional<RefundResult> found = this.gateway.findRefund(request);
		if (found.isPresent()) {
			refunded(due, found.get());
			return;
		}
		try {
			refunded(due, this.gateway.refund(request.withKeyRound(work.roundForNextRequest())));
		}
		catch (GatewayUnavailableException ex) {
			work.requestFailed(ex.answered());
			throw ex;
		}
	}

	private void refunded(RefundDue due, RefundResult refund) {
		log.info("Refunded payment {} of {} ({})", due.paymentIntentId(), due.cycle(), due.reason());
		publish(new PaymentRefunded(id("refund:" + due.paymentIntentId()), this.clock.instant(), due.msisdn(),
				due.validUntil(), due.amount(), due.paymentIntentId(), refund.refundId(), null, due.reason()));
	}

	private void publish(PaymentEvent event) {
		if (this.publisher.publish(event) == WebhookOutcome.UNAVAILABLE) {
			throw new OutcomeNotRecordedException(event.getClass().getSimpleName() + " for " + event.msisdn()
					+ " not published yet; delivered again with the same idempotency key until it is");
		}
	}

	private static UUID id(String key) {
		return UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8));
	}

	/** Why an automatic renewal was not charged: the counter's reason tag. */
	enum SkipReason {

		/**
		 * Older than {@code keepline.payments.auto-renew-max-age}: a replay or a long
		 * lag.
		 */
		TOO_OLD("too_old"),

		/** The line has no record: erased. */
		NO_RECORD("no_record"),

		/** The line has moved on to a later cycle (extended, or renewed elsewhere). */
		NOT_CURRENT("not_current"),

		/** The cycle is renewed, pending, lapsed or the line cancelled. */
		NOT_OPEN("not_open"),

		/**
		 * The amount or currency to charge is not the price in the line record: nothing
		 * is charged that the record does not show.
		 */
		PRICE_CHANGED("price_changed"),

		/**
		 * The method to charge is not the one the line's current holder saved (or they
		 * have none): a card of a previous holder is never charged.
		 */
		METHOD_CHANGED("method_changed"),

		/**
		 * Payments already published a payment for the cycle that the record does not
		 * show yet.
		 */
		ALREADY_PAID("already_paid"),

		/**
		 * The holder turned automatic renewal off or removed the card, which the record
		 * does not show yet.
		 */
		HOLDER_STOPPED("holder_stopped");

		private final String tag;

		SkipReason(String tag) {
			this.tag = tag;
		}

		String tag() {
			return this.tag;
		}

	}

}
