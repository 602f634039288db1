package io.keepline.payments.erasure;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

import io.keepline.contracts.payment.PaymentRefunded;
import io.keepline.contracts.payment.PaymentSucceeded;
import io.keepline.payments.gateway.PaymentGateway;
import io.keepline.payments.gateway.RefundRequest;
import io.keepline.payments.gateway.RefundResult;
import io.keepline.payments.line.LineRecordLookup;
import io.keepline.payments.webhook.ErasedLineRefunds;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A payment for a line that has no record any more (erased: a checkout opened before the
 * erasure and paid after it, or a debit that settled late) is refunded in full, with the
 * same idempotency key and event id as any refund of that payment intent, so that it is
 * refunded once however often Stripe delivers it.
 */
public class LatePayments implements ErasedLineRefunds {

	private static final Logger log = LoggerFactory.getLogger(LatePayments.class);

	private final LineRecordLookup lines;

	private final PaymentGateway gateway;

	private final Clock clock;

	public LatePayments(LineRecordLookup lines, PaymentGateway gateway, Clock clock) {
		this.lines = lines;
		this.gateway = gateway;
		this.clock = clock;
	}

	@Override
	public Optional<PaymentRefunded> refundIfErased(PaymentSucceeded paid) {
		if (this.lines.find(paid.msisdn()).isPresent()) {
			return Optional.empty();
		}
		RefundResult refund = this.gateway.refund(
				new RefundRequest(paid.cycle(), paid.paymentIntentId(), paid.amount(), RefundRequest.LINE_NOT_MANAGED));
		log.info("Payment {} for {} refunded: the line is no longer managed here", paid.paymentIntentId(),
				paid.cycle());
		return Optional.of(new PaymentRefunded(
				UUID.nameUUIDFromBytes(("refund:" + paid.paymentIntentId()).getBytes(StandardCharsets.UTF_8)),
				this.clock.instant(), paid.msisdn(), paid.validUntil(), paid.amount(), paid.paymentIntentId(),
				refund.refundId(), null));
	}

}
