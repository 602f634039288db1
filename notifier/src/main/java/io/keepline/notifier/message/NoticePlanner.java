package io.keepline.notifier.message;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Optional;

import io.keepline.contracts.Holder;
import io.keepline.contracts.UnhandledTypeException;
import io.keepline.contracts.deadline.AutoRenewalDue;
import io.keepline.contracts.deadline.DeadlineEvent;
import io.keepline.contracts.deadline.LapseNoticeDue;
import io.keepline.contracts.deadline.LineLapsed;
import io.keepline.contracts.deadline.RefundDue;
import io.keepline.contracts.deadline.ReminderDue;
import io.keepline.contracts.deadline.ReminderTrigger;
import io.keepline.contracts.deadline.RenewalConfirmed;
import io.keepline.contracts.linerecord.LineRecord;
import io.keepline.contracts.linerecord.SavedMethod;
import io.keepline.support.plans.Plans;

/**
 * Decides which message, if any, a deadline event calls for, addressed with what the
 * line's record says at send time: the holder and the saved card come from the record,
 * never from the event (which carries neither). Automatic charges and refunds are for
 * payments; the holder hears of their outcome through the reminders and receipts the
 * scheduler emits afterwards, and of a refund through payment-events. A lapse is told on
 * {@code LapseNoticeDue}, in the holder's send window, not on {@code LineLapsed}.
 */
public final class NoticePlanner {

	private final Duration topUpBound;

	private final Plans plans;

	/** A planner whose receipts promise the top-up within the default 24 hours. */
	public NoticePlanner() {
		this(Duration.ofHours(24), Plans.empty(Plans.DEFAULT_MAX_PRICE));
	}

	/**
	 * @param topUpBound how long an operator may take to apply a paid top-up, which a
	 * receipt promises ({@code KEEPLINE_TOP_UP_BOUND}, the bound after which ingest tells
	 * the operator it is late)
	 * @param plans the plans configuration, whose {@code afterLapse} says what a lapse
	 * message tells the holder they can still do
	 */
	public NoticePlanner(Duration topUpBound, Plans plans) {
		this.topUpBound = topUpBound;
		this.plans = plans;
	}

	/** Whether {@code event} calls for a message to the holder at all. */
	public boolean notifies(DeadlineEvent event) {
		if (event instanceof ReminderDue || event instanceof LapseNoticeDue || event instanceof RenewalConfirmed) {
			return true;
		}
		if (event instanceof AutoRenewalDue || event instanceof RefundDue || event instanceof LineLapsed) {
			return false;
		}
		throw new UnhandledTypeException(event);
	}

	/**
	 * The message {@code event} calls for, to the holder of {@code record} with the card
	 * it shows; {@code record} is null when the line has none (the notice then names no
	 * holder and is not sent).
	 */
	public Optional<Notice> plan(DeadlineEvent event, LineRecord record) {
		if (!notifies(event)) {
			return Optional.empty();
		}
		Holder holder = (record != null) ? record.holder() : null;
		if (event instanceof ReminderDue reminder) {
			return Optional.of(reminder(reminder, holder, card(record)));
		}
		if (event instanceof LapseNoticeDue lapsed) {
			return Optional.of(new Notice(MessageType.LINE_LAPSED, null, "final", lapsed.eventId(), lapsed.cycle(),
					holder, 0, null, null, null, null, lapsed.operator())
				.with(afterLapse(lapsed.cycle().validUntil(), record)));
		}
		RenewalConfirmed confirmed = (RenewalConfirmed) event;
		return Optional.of(new Notice(MessageType.RENEWAL_RECEIPT, null, "paid", confirmed.eventId(), confirmed.cycle(),
				holder, 0, confirmed.amount(), null, null, null, confirmed.operator())
			.with(new Notice.PaymentFacts(confirmed.source(), null, null, this.topUpBound)));
	}

	/**
	 * The card the record says will be charged: none once automatic renewal stopped (a
	 * planned charge is then announced as a plain reminder, as payments will not make
	 * it).
	 */
	private static SavedMethod card(LineRecord record) {
		return (record != null && record.autoRenewal().active()) ? record.autoRenewal().method() : null;
	}

	/**
	 * The stage, and for a resend the event's id too: an operator's resend is a notice of
	 * its own, which the sent-log must not take for the stage's first one.
	 */
	private static String occasion(ReminderDue due) {
		String stage = Integer.toString(due.stage());
		return (due.trigger() == ReminderTrigger.RESEND) ? stage + "-resend-" + due.eventId() : stage;
	}

	/**
	 * A reminder: of a failed charge, of a planned one with the record's card (asking for
	 * a new card when it expires before the charge date), or to pay.
	 */
	private static Notice reminder(ReminderDue due, Holder holder, SavedMethod card) {
		if (due.failure() != null || due.trigger() == ReminderTrigger.AUTO_RENEWAL_FAILED) {
			int attempt = (due.failure() != null) ? due.failure().attempt() : 0;
			return new Notice(MessageType.PAYMENT_FAILED, null, "attempt-" + attempt, due.eventId(), due.cycle(),
					holder, due.stage(), due.price(), card, null, due.failure(), due.operator());
		}
		if (due.plannedCharge() != null && card != null) {
			LocalDate chargeOn = due.plannedCharge().chargeOn();
			MessageType type = card.expiredOn(chargeOn) ? MessageType.UPDATE_CARD : MessageType.UPCOMING_CHARGE;
			return new Notice(type, null, occasion(due), due.eventId(), due.cycle(), holder, due.stage(), due.price(),
					card, chargeOn, null, due.operator());
		}
		return new Notice(MessageType.REMINDER, Tone.forStage(due.stage()), occasion(due), due.eventId(), due.cycle(),
				holder, due.stage(), due.price(), null, null, null, due.operator());
	}

	/**
	 * What the plans configuration lets the holder of {@code record}'s plan do once the
	 * cycle that ended on {@code validUntil} lapsed.
	 */
	private Notice.LapseFacts afterLapse(LocalDate validUntil, LineRecord record) {
		Plans.AfterLapse rule = (record != null)
				? this.plans.find(record.plan()).map(Plans.Plan::afterLapse).orElse(null) : null;
		if (rule == null) {
			return Notice.LapseFacts.UNKNOWN;
		}
		if (rule.graceDays() <= 0 && rule.recoveryDays() <= 0) {
			return new Notice.LapseFacts(true, null, null);
		}
		LocalDate grace = validUntil.plusDays(Math.max(rule.graceDays(), 0));
		return new Notice.LapseFacts(true, grace, grace.plusDays(Math.max(rule.recoveryDays(), 0)));
	}

}
