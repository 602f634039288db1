package io.keepline.notifier.delivery;

import java.time.Clock;
import java.time.Duration;

import io.keepline.contracts.CycleId;
import io.keepline.contracts.Money;
import io.keepline.contracts.UnhandledTypeException;
import io.keepline.contracts.deadline.PaymentFailure;
import io.keepline.contracts.linerecord.CycleState;
import io.keepline.contracts.linerecord.LineRecord;
import io.keepline.contracts.payment.AutoRenewalStopped;
import io.keepline.contracts.payment.PaymentDisputed;
import io.keepline.contracts.payment.PaymentEvent;
import io.keepline.contracts.payment.PaymentFailed;
import io.keepline.contracts.payment.PaymentMethodCodeRequested;
import io.keepline.contracts.payment.PaymentMethodCodeTried;
import io.keepline.contracts.payment.PaymentMethodRemoved;
import io.keepline.contracts.payment.TopUpReported;
import io.keepline.contracts.payment.PaymentMethodSaved;
import io.keepline.contracts.payment.PaymentProcessing;
import io.keepline.contracts.payment.PaymentRefunded;
import io.keepline.contracts.payment.PaymentSource;
import io.keepline.contracts.payment.PaymentSucceeded;
import io.keepline.notifier.message.MessageType;
import io.keepline.notifier.message.Notice;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells the holder what payment-events say about their money: a refund, with its reason,
 * a failed payment they started from a pay link, with a fresh pay link, and a payment
 * being processed (nothing to do; a dispute is not told). Each goes to the channels of
 * the line's current record, once per payment (the payment intent, not the event:
 * Keepline's own refund and Stripe's report of it are one refund). The receipt of a paid
 * cycle answers the scheduler's {@code RenewalConfirmed} instead, which comes only for a
 * payment that renewed the cycle; an automatic renewal's failure is told by the reminder
 * the scheduler emits for it. Turning automatic renewal off and removing the card happen
 * on the holder's own status page, which shows the result: no message.
 */
public final class PaymentNotices {

	private static final Logger log = LoggerFactory.getLogger(PaymentNotices.class);

	private final Notifier notifier;

	private final LineLookup lines;

	private final Duration maxAge;

	private final Duration topUpBound;

	private final Clock clock;

	public PaymentNotices(Notifier notifier, LineLookup lines, Duration maxAge, Duration topUpBound, Clock clock) {
		this.notifier = notifier;
		this.lines = lines;
		this.maxAge = maxAge;
		this.topUpBound = topUpBound;
		this.clock = clock;
	}

	public void handle(PaymentEvent event) {
		if (event instanceof PaymentRefunded refunded) {
			tell(refunded, new CycleId(refunded.msisdn(), refunded.validUntil()), MessageType.PAYMENT_REFUNDED,
					refunded.paymentIntentId(), refunded.amount(), null,
					new Notice.PaymentFacts(null, refunded.reason(), null, this.topUpBound), true);
		}
		else if (event instanceof PaymentFailed failed) {
			if (failed.source() == PaymentSource.CHECKOUT) {
				String payment = (failed.paymentIntentId() != null) ? failed.paymentIntentId()
						: failed.eventId().toString();
				tell(failed, failed.cycle(), MessageType.CHECKOUT_FAILED, payment, null,
						new PaymentFailure(failed.reason(), failed.declineCode(), 0),
						new Notice.PaymentFacts(PaymentSource.CHECKOUT, failed.reason(), null, this.topUpBound), false);
			}
		}
		else if (event instanceof PaymentProcessing processing) {
			tell(processing, processing.cycle(), MessageType.PAYMENT_PROCESSING, processing.paymentIntentId(),
					processing.amount(), null,
					new Notice.PaymentFacts(processing.source(), null, null, this.topUpBound), false);
		}
		else if (!(event instanceof PaymentSucceeded || event instanceof PaymentDisputed
				|| event instanceof PaymentMethodSaved || event instanceof PaymentMethodCodeRequested
				|| event instanceof PaymentMethodCodeTried || event instanceof AutoRenewalStopped
				|| event instanceof PaymentMethodRemoved || event instanceof TopUpReported)) {
			throw new UnhandledTypeException(event);
		}
	}

	/**
	 * Sends {@code type} about {@code payment} to the line's current holder; a failed
	 * checkout only while its cycle is still to be paid (a payment that went through
	 * since, or a lapse, makes it moot), a refund whatever the line's state but an
	 * erasure.
	 */
	private void tell(PaymentEvent event, CycleId cycle, MessageType type, String payment, Money amount,
			PaymentFailure failure, Notice.PaymentFacts facts, boolean evenIfNotPayable) {
		if (event.occurredAt().plus(this.maxAge).isBefore(this.clock.instant())) {
			log.info("{} of {} is older than {}: not sent", type.code(), event.msisdn().masked(), this.maxAge);
			return;
		}
		LineRecord line = this.lines.find(event.msisdn()).orElse(null);
		if (line == null && !this.lines.erased(event.msisdn())) {
			throw new TransientDeliveryException("line_record_missing", "the line's record is not readable yet");
		}
		if (line == null) {
			log.info("{} of {} not sent: line erased", type.code(), event.msisdn().masked());
			return;
		}
		if (!evenIfNotPayable && !stillToPay(line, cycle)) {
			log.info("{} of {} not sent: its cycle is no longer payable ({})", type.code(), cycle, line.cycleState());
			return;
		}
		this.notifier.sendOnce(new Notice(type, null, payment, event.eventId(), cycle, line.holder(), 0,
				(amount != null) ? amount : line.price(), null, null, failure, line.operator(), null, facts));
	}

	/**
	 * Whether {@code cycle} is the line's current one and unpaid: open, or with a payment
	 * pending, which may be the one that just failed (the scheduler has perhaps not read
	 * the failure yet).
	 */
	private static boolean stillToPay(LineRecord line, CycleId cycle) {
		return line.cycle().equals(cycle)
				&& (line.cycleState() == CycleState.OPEN || line.cycleState() == CycleState.PAYMENT_PENDING);
	}

}
