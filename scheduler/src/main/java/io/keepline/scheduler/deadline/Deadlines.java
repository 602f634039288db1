package io.keepline.scheduler.deadline;

import java.time.Instant;
import java.util.UUID;

import io.keepline.contracts.CycleId;
import io.keepline.contracts.deadline.AutoRenewalDue;
import io.keepline.contracts.deadline.DeadlineEvent;
import io.keepline.contracts.deadline.LapseNoticeDue;
import io.keepline.contracts.deadline.LineLapsed;
import io.keepline.contracts.deadline.PlannedCharge;
import io.keepline.contracts.deadline.RefundDue;
import io.keepline.contracts.deadline.ReminderDue;
import io.keepline.contracts.deadline.ReminderTrigger;
import io.keepline.contracts.deadline.RenewalConfirmed;
import io.keepline.contracts.payment.PaymentSucceeded;

/**
 * Builds the deadline events of a line from its state, each with a deterministic id and
 * no personal data: readers take the holder and the card from the line record.
 */
final class Deadlines {

	private final Schedule schedule;

	Deadlines(Schedule schedule) {
		this.schedule = schedule;
	}

	DeadlineEvent fired(LineState line, DueEntry entry, Instant now) {
		CycleId cycle = new CycleId(line.msisdn(), line.cycle().validUntil());
		return switch (entry.kind()) {
			case REMINDER -> new ReminderDue(DeadlineIds.of(cycle, "reminder:" + entry.stage()), now, line.msisdn(),
					line.operator(), cycle.validUntil(), entry.stage(), entry.due(), entry.trigger(), line.price(),
					plannedCharge(line, 1), null);
			case FAILURE_REMINDER -> new ReminderDue(DeadlineIds.of(cycle, "reminder-failed:" + entry.stage()), now,
					line.msisdn(), line.operator(), cycle.validUntil(), this.schedule.chargeDaysBefore(entry.stage()),
					entry.due(), entry.trigger(), line.price(), plannedCharge(line, entry.stage() + 1),
					line.cycle().lastFailure());
			case AUTO_RENEWAL ->
				new AutoRenewalDue(DeadlineIds.of(cycle, "auto-renewal:" + entry.stage()), now, line.msisdn(),
						line.operator(), cycle.validUntil(), entry.stage(), line.paymentMethod(), line.price());
			case LAPSE -> new LineLapsed(DeadlineIds.of(cycle, "lapsed"), now, line.msisdn(), line.operator(),
					cycle.validUntil());
			case LAPSE_NOTICE -> new LapseNoticeDue(DeadlineIds.of(cycle, "lapse-notice"), now, line.msisdn(),
					line.operator(), cycle.validUntil(), this.schedule.lapseInstant(cycle.validUntil()));
		};
	}

	/**
	 * The reminder of {@code stage} sent again at the operator's request
	 * {@code requestId}: its own id, so that the notifier's sent-log does not take it for
	 * the first one, yet the same for the same request.
	 */
	ReminderDue resent(LineState line, int stage, UUID requestId, Instant now) {
		CycleId cycle = new CycleId(line.msisdn(), line.cycle().validUntil());
		return new ReminderDue(DeadlineIds.of(cycle, "resend:" + requestId), now, line.msisdn(), line.operator(),
				cycle.validUntil(), stage, now, ReminderTrigger.RESEND, line.price(), plannedCharge(line, 1), null);
	}

	/**
	 * The automatic charge a reminder announces: attempt {@code attempt}, if still
	 * planned.
	 */
	private PlannedCharge plannedCharge(LineState line, int attempt) {
		if (!line.autoRenewActive() || attempt > this.schedule.settings().maxAttempts()) {
			return null;
		}
		return new PlannedCharge(this.schedule.chargeDate(line.cycle().validUntil(), attempt));
	}

	/**
	 * The renewal {@code payment} paid; {@code afterLapse} when it settled after the
	 * cycle's {@code LineLapsed}.
	 */
	RenewalConfirmed confirmed(LineState line, PaymentSucceeded payment, boolean afterLapse, Instant now) {
		return new RenewalConfirmed(DeadlineIds.of(payment.cycle(), "confirmed"), now, line.msisdn(), line.operator(),
				payment.validUntil(), payment.amount(), payment.paymentIntentId(), payment.source(), afterLapse);
	}

	RefundDue refund(LineState line, PaymentSucceeded payment, String reason, Instant now) {
		return new RefundDue(DeadlineIds.of(payment.cycle(), "refund:" + payment.paymentIntentId()), now, line.msisdn(),
				line.operator(), payment.validUntil(), payment.paymentIntentId(), payment.amount(), reason);
	}

}
