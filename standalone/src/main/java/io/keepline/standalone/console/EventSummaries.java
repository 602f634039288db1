package io.keepline.standalone.console;

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
import io.keepline.contracts.notice.ErasureCompleted;
import io.keepline.contracts.notice.HolderUnreachable;
import io.keepline.contracts.notice.TopUpReportedByHolder;
import io.keepline.contracts.notice.ItemRejected;
import io.keepline.contracts.notice.RefundIssued;
import io.keepline.contracts.notice.RenewalNotApplied;
import io.keepline.contracts.notice.RenewalPaid;
import io.keepline.contracts.notice.ValidityLapsed;
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
import io.keepline.contracts.rejected.EventRejected;

/** One readable line per event, for timelines. */
final class EventSummaries {

	private EventSummaries() {
	}

	static String of(KeeplineEvent event) {
		if (event instanceof LineRegistered r) {
			return "registered by " + r.operator().value() + ", plan " + r.plan() + ", valid until " + r.validUntil()
					+ ", " + money(r.renewalPrice()) + ", stages " + r.effectiveLeadDays()
					+ (r.autoRenew() ? ", auto-renew" : "");
		}
		if (event instanceof ValidityExtended v) {
			return "validity extended to " + v.validUntil();
		}
		if (event instanceof HolderUpdated) {
			return "holder updated";
		}
		if (event instanceof LineCancelled c) {
			return "cancelled: " + c.reason();
		}
		if (event instanceof LineErased) {
			return "erased (GDPR)";
		}
		if (event instanceof ReminderResendRequested r) {
			return "operator asked to resend the current reminder for " + r.validUntil();
		}
		if (event instanceof ReminderDue r) {
			return "reminder D-" + r.stage() + " (" + r.trigger() + ") for " + r.validUntil()
					+ ((r.failure() != null) ? " after a failed charge" : "");
		}
		if (event instanceof AutoRenewalDue a) {
			return "automatic renewal attempt " + a.attempt() + " for " + a.validUntil() + ", " + money(a.price());
		}
		if (event instanceof RenewalConfirmed c) {
			return "renewal confirmed for " + c.validUntil() + ", " + money(c.amount());
		}
		if (event instanceof LineLapsed l) {
			return "lapsed on " + l.validUntil();
		}
		if (event instanceof LapseNoticeDue l) {
			return "holder told of the lapse on " + l.validUntil();
		}
		if (event instanceof RefundDue d) {
			return "refund due: " + d.reason();
		}
		if (event instanceof PaymentSucceeded s) {
			return "payment succeeded, " + money(s.amount()) + " (" + s.source() + ") for " + s.validUntil();
		}
		if (event instanceof PaymentFailed f) {
			return "payment failed for " + f.validUntil() + ": " + f.reason()
					+ ((f.declineCode() != null) ? " (" + f.declineCode() + ")" : "");
		}
		if (event instanceof PaymentRefunded r) {
			return "refunded " + money(r.amount());
		}
		if (event instanceof PaymentProcessing p) {
			return "payment being processed, " + money(p.amount()) + " (" + p.source() + ") for " + p.validUntil();
		}
		if (event instanceof PaymentDisputed d) {
			return "payment disputed, " + money(d.amount()) + ": " + d.reason() + " (no automatic action)";
		}
		if (event instanceof PaymentMethodSaved) {
			return "card saved for automatic renewal";
		}
		if (event instanceof PaymentMethodCodeRequested) {
			return "one-time code requested to save a card";
		}
		if (event instanceof PaymentMethodCodeTried t) {
			return t.accepted() ? "one-time code accepted" : "wrong one-time code typed";
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
		if (event instanceof NotificationSent n) {
			return n.channel().name().toLowerCase() + " sent: " + n.template() + " (" + n.locale().code() + ")";
		}
		if (event instanceof NotificationFailed n) {
			return n.channel().name().toLowerCase() + " failed: " + n.template() + " — " + n.reason()
					+ (n.permanent() ? " (permanent)" : "");
		}
		if (event instanceof EventRejected r) {
			return "rejected from " + r.operator().value() + ": " + r.errors();
		}
		if (event instanceof RenewalPaid p) {
			return "to " + p.operator().value() + ": renewal paid for " + p.validUntil() + ", " + money(p.amount())
					+ ((p.plan() != null) ? ", top up " + p.plan() : "");
		}
		if (event instanceof RenewalNotApplied n) {
			return "ALERT to " + n.operator().value() + ": paid " + n.paidAt() + " for " + n.validUntil()
					+ ", no top-up by " + n.expectedBy();
		}
		if (event instanceof ValidityLapsed l) {
			return "to " + l.operator().value() + ": validity lapsed on " + l.validUntil();
		}
		if (event instanceof RefundIssued r) {
			return "to " + r.operator().value() + ": refund of " + money(r.amount()) + " for " + r.validUntil() + " ("
					+ r.reason() + ")";
		}
		if (event instanceof ErasureCompleted e) {
			return "to " + e.operator().value() + ": erasure completed";
		}
		if (event instanceof HolderUnreachable h) {
			return "to " + h.operator().value() + ": holder unreachable (" + h.reason()
					+ "), the line will lapse unnoticed";
		}
		if (event instanceof TopUpReportedByHolder t) {
			return "to " + t.operator().value() + ": holder reports a top-up for " + t.validUntil()
					+ ", reminders paused until " + t.remindersPausedUntil();
		}
		if (event instanceof ItemRejected i) {
			return "to " + i.operator().value() + ": item rejected (" + i.source() + " "
					+ ((i.location() != null) ? i.location() : "") + "): " + i.errors();
		}
		throw new UnhandledTypeException(event);
	}

	static String money(Money money) {
		return (money != null) ? money.decimalAmount().toPlainString() + " " + money.currency().getCurrencyCode() : "";
	}

}
