package io.keepline.payments.gateway;

/**
 * The refund Stripe created.
 */
public record RefundResult(String refundId, long amountCents) {

}
