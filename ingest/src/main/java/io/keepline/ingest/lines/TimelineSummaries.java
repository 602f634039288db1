package io.keepline.ingest.lines;

import java.util.Locale;

import io.keepline.contracts.KeeplineEvent;
import io.keepline.contracts.Money;
import io.keepline.contracts.UnhandledTypeException;
import io.keepline.contracts.deadline.AutoRenewalDue;
import io.keepline.contracts.deadline.LapseNoticeDue;
import io.keepline.contracts.deadline.LineLapsed;
import io.keepline.contracts.deadline.RefundDue;
import io.keepline.contracts.deadline.ReminderDue;
import io.keepline.contracts.deadline.RenewalConfirmed;
import io.keepline.contracts.line.HolderUpdated;
import io.keepline.contracts.line.LineCancelled;
import io.keepline.contracts.line.LineErased;
import io.keepline.contracts.line.LineRegistered;
import io.keepline.contracts.line.ReminderResendRequested;
import io.keepline.contracts.line.ValidityExtended;
import io.keepline.contracts.notification.NotificationFailed;
import io.keepline.contracts.notification.NotificationSent;
import io.keepline.contracts.payment.PaymentDisputed;
import io.keepline.contracts.payment.PaymentFailed;
import io.keepline.contracts.payment.AutoRenewalStopped;
import io.keepline.contracts.payment.PaymentMethodCodeRequested;
import io.keepline.contracts.payment.PaymentMethodCodeTried;
import io.keepline.contracts.payment.PaymentMethodRemoved;
import io.keepline.contracts.payment.TopUpReported;
import io.keepline.contracts.payment.PaymentMethodSaved;
import io.keepline.contracts.payment.PaymentProcessing;
import io.keepline.contracts.payment.PaymentRefunded;
import io.keepline.contracts.payment.PaymentSucceeded;

/**
 * One line per event of the four topics a timeline reads, for an operator: no holder
 * name, address, number, card or free text the holder wrote.
 */
final class TimelineSummaries {

	private TimelineSummaries() {
	}

	static String of(KeeplineEvent event) {
		if (event instanceof LineRegistered r) {
			return "registered: plan " + r.plan() + ", valid until " + r.validUntil() + ", " + money(r.renewalPrice())
					+ ", stages " + r.effectiveLeadDays() + (r.autoRenew() ? ", auto-renew allowed" : "");
		}
		if (event instanceof ValidityExtended v) {
			return "validity extended to " + v.validUntil();
		}
		if (event instanceof HolderUpdated) {
			return "holder updated";
		}
		if (event instanceof LineCancelled) {
			return "cancelled";
		}
		if (event instanceof LineErased) {
			return "erased";
		}
		if (event instanceof ReminderResendRequested r) {
			return "resend of the current reminder requested for " + r.validUntil();
		}
		return deadlineOrOutcome(event);
	}

	private static String deadlineOrOutcome(KeeplineEvent event) {
		if (event instanceof ReminderDue r) {
			return "reminder D-" + r.stage() + " (" + r.trigger().name().toLowerCase(Locale.ROOT) + ") for "
					+ r.validUntil();
		}
		if (event instanceof AutoRenewalDue a) {
			return "automatic renewal attempt " + a.attempt() + " for " + a.validUntil() + ", " + money(a.price());
		}
		if (event instanceof RenewalConfirmed c) {
			return "renewal confirmed for " + c.validUntil() + ", " + money(c.amount()) + " paid";
		}
		if (event instanceof LineLapsed l) {
			return "lapsed on " + l.validUntil();
		}
		if (event instanceof LapseNoticeDue l) {
			return "holder told of the lapse on " + l.validUntil();
		}
		if (event instanceof RefundDue d) {
			return "refund due for " + d.validUntil() + ", " + money(d.amount());
		}
		if (event instanceof PaymentSucceeded s) {
			return "payment succeeded for " + s.validUntil() + ", " + money(s.amount()) + " ("
					+ s.source().name().toLowerCase(Locale.ROOT) + ")";
		}
		if (event instanceof PaymentFailed f) {
			return "payment failed for " + f.validUntil() + ": " + f.reason();
		}
		if (event instanceof PaymentRefunded r) {
			return "refunded " + money(r.amount()) + " for " + r.validUntil();
		}
		if (event instanceof PaymentProcessing p) {
			return "payment being processed for " + p.validUntil() + ", " + money(p.amount()) + " ("
					+ p.source().name().toLowerCase(Locale.ROOT) + ")";
		}
		if (event instanceof PaymentDisputed d) {
			return "payment disputed for " + d.validUntil() + ", " + money(d.amount()) + ": " + d.reason()
					+ " (no automatic action)";
		}
		if (event instanceof PaymentMethodSaved) {
			return "card saved for automatic renewal";
		}
		if (event instanceof PaymentMethodCodeRequested) {
			return "one-time code requested to save a card";
		}
		if (event instanceof PaymentMethodCodeTried t) {
			return t.accepted() ? "one-time code accepted" : "wrong one-time code entered";
		}
		if (event instanceof AutoRenewalStopped) {
			return "automatic renewal turned off by the holder";
		}
		if (event instanceof PaymentMethodRemoved) {
			return "saved card removed by the holder";
		}
		if (event instanceof TopUpReported t) {
			return "holder reports a top-up for " + t.validUntil() + ": reminders paused until " + t.pausedUntil();
		}
		if (event instanceof NotificationSent s) {
			return s.template() + " sent by " + s.channel().name().toLowerCase(Locale.ROOT);
		}
		if (event instanceof NotificationFailed f) {
			return f.template() + " not sent by " + f.channel().name().toLowerCase(Locale.ROOT)
					+ (f.permanent() ? " (permanently)" : " (will retry)");
		}
		throw new UnhandledTypeException(event);
	}

	private static String money(Money money) {
		return money.decimalAmount().toPlainString() + " " + money.currency().getCurrencyCode();
	}

}
