package io.keepline.payments.renewal;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.UUID;

import io.keepline.contracts.UnhandledTypeException;
import io.keepline.contracts.deadline.AutoRenewalDue;
import io.keepline.contracts.deadline.DeadlineEvent;
import io.keepline.contracts.deadline.LineLapsed;
import io.keepline.contracts.deadline.RefundDue;
import io.keepline.contracts.deadline.ReminderDue;
import io.keepline.contracts.deadline.RenewalConfirmed;
import io.keepline.contracts.payment.PaymentEvent;
import io.keepline.contracts.payment.PaymentFailed;
import io.keepline.contracts.payment.PaymentRefunded;
import io.keepline.contracts.payment.PaymentSource;
import io.keepline.contracts.payment.PaymentSucceeded;
import io.keepline.payments.gateway.ChargeOutcome;
import io.keepline.payments.gateway.OffSessionCharge;
import io.keepline.payments.gateway.PaymentGateway;
import io.keepline.payments.gateway.RefundRequest;
import io.keepline.payments.gateway.RefundResult;
import io.keepline.payments.webhook.WebhookOutcome;
import io.keepline.payments.webhook.WebhookProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What payments does about scheduler decisions: charge an {@link AutoRenewalDue}
 * off-session with its idempotency key, refund a {@link RefundDue} with
 * {@code refund:{paymentIntentId}}, and publish the outcome through the same duplicate
 * checks as the webhook. A transient Stripe failure is thrown so the consumer retries
 * with the same key; an outcome that could not be published is an
 * {@link OutcomeNotRecordedException}, retried until it is.
 */
public class DeadlineActions {

	private static final Logger log = LoggerFactory.getLogger(DeadlineActions.class);

	private final PaymentGateway gateway;

	private final WebhookProcessor publisher;

	private final Clock clock;

	public DeadlineActions(PaymentGateway gateway, WebhookProcessor publisher, Clock clock) {
		this.gateway = gateway;
		this.publisher = publisher;
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
		if (event instanceof ReminderDue || event instanceof RenewalConfirmed || event instanceof LineLapsed) {
			return; // reminders, confirmations and lapses ask nothing of payments
		}
		throw new UnhandledTypeException(event);
	}

	private void charge(AutoRenewalDue due) {
		ChargeOutcome outcome = this.gateway.chargeOffSession(new OffSessionCharge(due.cycle(), due.attempt(),
				due.paymentMethod(), due.price(), due.idempotencyKey()));
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
		else if (outcome instanceof ChargeOutcome.Pending) {
			log.info("Automatic renewal of {} attempt {} is processing", due.cycle(), due.attempt());
			return;
		}
		else {
			throw new UnhandledTypeException(outcome);
		}
		log.info("Automatic renewal of {} attempt {}: {}", due.cycle(), due.attempt(),
				result.getClass().getSimpleName());
		publish(result);
	}

	private void refund(RefundDue due) {
		RefundResult refund = this.gateway.refund(new RefundRequest(due.cycle(), due.paymentIntentId(), due.amount()));
		log.info("Refunded payment {} of already paid {}", due.paymentIntentId(), due.cycle());
		publish(new PaymentRefunded(id("refund:" + due.paymentIntentId()), this.clock.instant(), due.msisdn(),
				due.validUntil(), due.amount(), due.paymentIntentId(), refund.refundId(), null));
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

}
