/**
 * Stripe → payment-events: {@link io.keepline.payments.webhook.WebhookProcessor} verifies
 * the raw body, maps the Stripe event, drops duplicates
 * ({@link io.keepline.payments.webhook.PublishedOutcomes}) and answers only after Kafka
 * acknowledged; it needs no HTTP, so benchmarks and reconciliation drive it directly.
 */
package io.keepline.payments.webhook;
