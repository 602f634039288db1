/**
 * Payments' own view of each line, derived with Kafka Streams from deadline-events and
 * the payment-events payments published: open cycles with price and locale for the pages,
 * and the published Stripe events and payment intents for the webhook's duplicate checks.
 */
package io.keepline.payments.view;
