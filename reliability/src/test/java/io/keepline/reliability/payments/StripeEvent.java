package io.keepline.reliability.payments;

import io.keepline.contracts.Msisdn;

/**
 * One Stripe event as Stripe sends it, with what payments should make of it: {@code fact}
 * names the payment it reports ({@code ok:pi_…} or {@code failed:pi_…}), shared by every
 * event that reports the same payment, or is null when the event must change nothing; a
 * {@code late} event reaches payments only after the others.
 */
record StripeEvent(String id, String type, String payload, Msisdn msisdn, String fact, boolean late) {

}
