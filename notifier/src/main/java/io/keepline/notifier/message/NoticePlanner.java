package io.keepline.notifier.message;

import java.time.Duration;
import java.util.Optional;

import io.keepline.contracts.UnhandledTypeException;
import io.keepline.contracts.deadline.AutoRenewalDue;
import io.keepline.contracts.deadline.DeadlineEvent;
import io.keepline.contracts.deadline.LapseNoticeDue;
import io.keepline.contracts.deadline.LineLapsed;
import io.keepline.contracts.deadline.RefundDue;
import io.keepline.contracts.deadline.ReminderDue;
import io.keepline.contracts.deadline.ReminderTrigger;
import io.keepline.contracts.deadline.RenewalConfirmed;

/**
 * Decides which message, if any, a deadline event calls for. Automatic charges and
 * refunds are for payments; the holder hears of their outcome through the reminders and
 * receipts the scheduler emits afterwards, and of a refund through payment-events. A
 * lapse is told on {@code LapseNoticeDue}, in the holder's send window, not on
 * {@code LineLapsed}.
 */
public final class NoticePlanner {

	private final Duration topUpBound;

	/** A planner whose receipts promise the top-up within the default 24 hours. */
	public NoticePlanner() {
		this(Duration.ofHours(24));
	}

	/**
	 * @param topUpBound how long an operator may take to apply a paid top-up, which a
	 * receipt promises ({@code KEEPLINE_TOP_UP_BOUND}, the bound after which ingest tells
	 * the operator it is late)
	 */
	public NoticePlanner(Duration topUpBound) {
		this.topUpBound = topUpBound;
	}

	public Optional<Notice> plan(DeadlineEvent event) {
		if (event instanceof ReminderDue reminder) {
			return Optional.of(reminder(reminder));
		}
		if (event instanceof LapseNoticeDue lapsed) {
			return Optional.of(new Notice(MessageType.LINE_LAPSED, null, "final", lapsed.eventId(), lapsed.cycle(),
					lapsed.holder(), 0, null, null, null, null, lapsed.operator()));
		}
		if (event instanceof RenewalConfirmed confirmed) {
			return Optional
				.of(new Notice(MessageType.RENEWAL_RECEIPT, null, "paid", confirmed.eventId(), confirmed.cycle(),
						confirmed.holder(), 0, confirmed.amount(), null, null, null, confirmed.operator())
					.with(new Notice.PaymentFacts(confirmed.source(), null, null, this.topUpBound)));
		}
		if (event instanceof AutoRenewalDue || event instanceof RefundDue || event instanceof LineLapsed) {
			return Optional.empty();
		}
		throw new UnhandledTypeException(event);
	}

	/**
	 * The stage, and for a resend the event's id too: an operator's resend is a notice of
	 * its own, which the sent-log must not take for the stage's first one.
	 */
	private static String occasion(ReminderDue due) {
		String stage = Integer.toString(due.stage());
		return (due.trigger() == ReminderTrigger.RESEND) ? stage + "-resend-" + due.eventId() : stage;
	}

	private static Notice reminder(ReminderDue due) {
		if (due.failure() != null || due.trigger() == ReminderTrigger.AUTO_RENEWAL_FAILED) {
			int attempt = (due.failure() != null) ? due.failure().attempt() : 0;
			var card = (due.plannedCharge() != null) ? due.plannedCharge().paymentMethod() : null;
			return new Notice(MessageType.PAYMENT_FAILED, null, "attempt-" + attempt, due.eventId(), due.cycle(),
					due.holder(), due.stage(), due.price(), card, null, due.failure(), due.operator());
		}
		if (due.plannedCharge() != null) {
			MessageType type = due.plannedCharge().methodExpiresFirst() ? MessageType.UPDATE_CARD
					: MessageType.UPCOMING_CHARGE;
			return new Notice(type, null, occasion(due), due.eventId(), due.cycle(), due.holder(), due.stage(),
					due.price(), due.plannedCharge().paymentMethod(), due.plannedCharge().chargeOn(), null,
					due.operator());
		}
		return new Notice(MessageType.REMINDER, Tone.forStage(due.stage()), occasion(due), due.eventId(), due.cycle(),
				due.holder(), due.stage(), due.price(), null, null, null, due.operator());
	}

}
