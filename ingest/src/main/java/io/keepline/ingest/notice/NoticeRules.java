package io.keepline.ingest.notice;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import io.keepline.contracts.KeeplineEvent;
import io.keepline.contracts.Msisdn;
import io.keepline.contracts.UnhandledTypeException;
import io.keepline.contracts.deadline.AutoRenewalDue;
import io.keepline.contracts.deadline.DeadlineEvent;
import io.keepline.contracts.deadline.LapseNoticeDue;
import io.keepline.contracts.deadline.LineLapsed;
import io.keepline.contracts.deadline.RefundDue;
import io.keepline.contracts.deadline.ReminderDue;
import io.keepline.contracts.deadline.RenewalConfirmed;
import io.keepline.contracts.line.HolderUpdated;
import io.keepline.contracts.line.LineCancelled;
import io.keepline.contracts.line.LineErased;
import io.keepline.contracts.line.LineEvent;
import io.keepline.contracts.line.LineOwner;
import io.keepline.contracts.line.LineOwnership;
import io.keepline.contracts.line.LineRegistered;
import io.keepline.contracts.line.ReminderResendRequested;
import io.keepline.contracts.line.ValidityExtended;
import io.keepline.contracts.notice.ErasureCompleted;
import io.keepline.contracts.notice.HolderUnreachable;
import io.keepline.contracts.notice.ItemRejected;
import io.keepline.contracts.notice.OperatorNotice;
import io.keepline.contracts.notice.RefundIssued;
import io.keepline.contracts.notice.RenewalNotApplied;
import io.keepline.contracts.notice.RenewalPaid;
import io.keepline.contracts.notice.TopUpReportedByHolder;
import io.keepline.contracts.notice.ValidityLapsed;
import io.keepline.contracts.notification.NotificationEvent;
import io.keepline.contracts.notification.NotificationFailed;
import io.keepline.contracts.payment.PaymentEvent;
import io.keepline.contracts.payment.PaymentRefunded;
import io.keepline.contracts.payment.TopUpReported;
import io.keepline.contracts.rejected.EventRejected;
import io.keepline.contracts.rejected.RejectedEvent;

/**
 * Which notices a line's events give its operator, and the loop that closes: a paid
 * renewal waits for the operator's {@code ValidityExtended} beyond its cycle, and is
 * alerted on once the bound passed. Plain logic, no Kafka.
 */
final class NoticeRules {

	/** Why a refund was made when the scheduler's request for it was not seen. */
	static final String REFUNDED = "refunded";

	/**
	 * The notifier's reasons for a message sent on no channel: the holder stopped every
	 * channel they have, or every one failed for good.
	 */
	static final Set<String> UNREACHABLE = Set.of("holder_unsubscribed_all", "holder_all_channels_failed");

	private final Duration topUpBound;

	NoticeRules(Duration topUpBound) {
		this.topUpBound = topUpBound;
	}

	/** The line after {@code event} (null: forget it) and the notices it gives. */
	Outcome apply(NoticeLine line, KeeplineEvent event, Instant now) {
		NoticeLine current = (line != null) ? line : NoticeLine.NONE;
		if (event instanceof LineEvent e) {
			return line(current, e, now);
		}
		if (event instanceof DeadlineEvent e) {
			return deadline(current, e);
		}
		if (event instanceof PaymentEvent e) {
			return payment(current, e);
		}
		if (event instanceof NotificationEvent e) {
			return notification(current, e);
		}
		throw new UnhandledTypeException(event);
	}

	/**
	 * The operator told, once per registration, that the notifier could send a message to
	 * no channel of the holder's because they stopped every one or every one failed for
	 * good.
	 */
	private static Outcome notification(NoticeLine line, NotificationEvent event) {
		if (!(event instanceof NotificationFailed failed) || !failed.permanent()
				|| !UNREACHABLE.contains(failed.reason()) || line.unreachableTold() || line.operator() == null) {
			return Outcome.unchanged(line);
		}
		return new Outcome(line.withUnreachableTold(true),
				List.of(new HolderUnreachable(OperatorNotice.idFor("HolderUnreachable", failed.eventId()),
						failed.occurredAt(), line.operator(), failed.msisdn(), line.validUntil(), failed.reason())));
	}

	/** The alert for a paid renewal still not applied at {@code now}, if it is due. */
	Outcome overdue(Msisdn msisdn, NoticeLine line, Instant now) {
		if (line == null || line.awaiting() == null || line.awaiting().alerted()
				|| line.awaiting().expectedBy().isAfter(now) || line.operator() == null) {
			return Outcome.unchanged(line);
		}
		NoticeLine.Awaiting awaiting = line.awaiting();
		return new Outcome(line.withAwaiting(awaiting.raised()),
				List.of(new RenewalNotApplied(OperatorNotice.idFor("RenewalNotApplied", awaiting.confirmationId()), now,
						line.operator(), msisdn, awaiting.validUntil(), awaiting.paidAt(), awaiting.expectedBy())));
	}

	/** The notice of a rejected item, without its payload. */
	static ItemRejected rejected(RejectedEvent event) {
		if (event instanceof EventRejected e) {
			return new ItemRejected(OperatorNotice.idFor("ItemRejected", e.eventId()), e.occurredAt(), e.operator(),
					e.source(), e.location(), e.originalEventId(), e.errors());
		}
		throw new UnhandledTypeException(event);
	}

	private Outcome line(NoticeLine line, LineEvent event, Instant now) {
		LineOwnership.Decision decision = LineOwnership.apply(line.owner(), event);
		if (!decision.allowed()) {
			return Outcome.unchanged(line);
		}
		NoticeLine owned = line.withOwner(decision.owner());
		if (event instanceof LineRegistered e) {
			boolean anotherHolder = line.owner() == null || line.owner().released()
					|| !line.owner().operator().equals(e.operator());
			NoticeLine base = anotherHolder ? new NoticeLine(decision.owner(), null, null, null, null)
					: owned.withUnreachableTold(false);
			return Outcome.of(base.withValidity(e.plan(), e.validUntil()));
		}
		if (event instanceof ValidityExtended e) {
			return Outcome.of(owned.withValidity(null, e.validUntil()));
		}
		if (event instanceof HolderUpdated || event instanceof ReminderResendRequested) {
			return Outcome.of(owned);
		}
		if (event instanceof LineCancelled) {
			return Outcome.of(owned.withAwaiting(null));
		}
		if (event instanceof LineErased e) {
			Instant at = (e.occurredAt() != null) ? e.occurredAt() : now;
			return new Outcome(null, List.of(new ErasureCompleted(OperatorNotice.idFor("ErasureCompleted", e.eventId()),
					at, e.operator(), e.msisdn())));
		}
		throw new UnhandledTypeException(event);
	}

	private Outcome deadline(NoticeLine line, DeadlineEvent event) {
		if (event instanceof RenewalConfirmed e) {
			NoticeLine known = (line.owner() != null) ? line : line.withOwner(LineOwner.of(e.operator()));
			boolean applied = known.validUntil() != null && known.validUntil().isAfter(e.validUntil());
			NoticeLine next = applied ? known : known.withAwaiting(new NoticeLine.Awaiting(e.eventId(), e.validUntil(),
					e.occurredAt(), e.occurredAt().plus(this.topUpBound), false));
			return new Outcome(next,
					List.of(new RenewalPaid(OperatorNotice.idFor("RenewalPaid", e.eventId()), e.occurredAt(),
							e.operator(), e.msisdn(), e.validUntil(), known.plan(), e.amount(), e.paymentIntentId(),
							e.settledAfterLapse())));
		}
		if (event instanceof LineLapsed e) {
			return new Outcome(line, List.of(new ValidityLapsed(OperatorNotice.idFor("ValidityLapsed", e.eventId()),
					e.occurredAt(), e.operator(), e.msisdn(), e.validUntil())));
		}
		if (event instanceof RefundDue e) {
			return Outcome.of(line.withRefund(new NoticeLine.Refund(e.paymentIntentId(), e.reason())));
		}
		if (event instanceof ReminderDue || event instanceof AutoRenewalDue || event instanceof LapseNoticeDue) {
			return Outcome.unchanged(line);
		}
		throw new UnhandledTypeException(event);
	}

	private Outcome payment(NoticeLine line, PaymentEvent event) {
		if (event instanceof TopUpReported e) {
			return topUpReported(line, e);
		}
		if (!(event instanceof PaymentRefunded e) || line.operator() == null) {
			return Outcome.unchanged(line);
		}
		NoticeLine.Refund asked = line.refund();
		boolean known = asked != null && asked.paymentId().equals(e.paymentIntentId()) && asked.reason() != null;
		String reason = known ? asked.reason() : REFUNDED;
		return new Outcome(known ? line.withRefund(null) : line,
				List.of(new RefundIssued(OperatorNotice.idFor("RefundIssued", e.eventId()), e.occurredAt(),
						line.operator(), e.msisdn(), e.validUntil(), e.amount(), e.paymentIntentId(), e.refundId(),
						reason)));
	}

	/**
	 * The operator told that the holder says they topped up the line's current cycle, and
	 * until when Keepline holds the reminders; a report about a cycle the operator
	 * already extended tells nothing.
	 */
	private static Outcome topUpReported(NoticeLine line, TopUpReported event) {
		if (line.operator() == null || (line.validUntil() != null && line.validUntil().isAfter(event.validUntil()))) {
			return Outcome.unchanged(line);
		}
		return new Outcome(line,
				List.of(new TopUpReportedByHolder(OperatorNotice.idFor("TopUpReportedByHolder", event.eventId()),
						event.occurredAt(), line.operator(), event.msisdn(), event.validUntil(), event.pausedUntil())));
	}

	/** A line after an event (null: forgotten) and the notices for its operator. */
	record Outcome(NoticeLine line, List<OperatorNotice> notices) {

		static Outcome of(NoticeLine line) {
			return new Outcome(line, List.of());
		}

		static Outcome unchanged(NoticeLine line) {
			return new Outcome(line, List.of());
		}

	}

}
