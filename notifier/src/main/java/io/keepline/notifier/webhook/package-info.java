/**
 * The webhook channel.
 *
 * <p>
 * Each notification is a JSON {@code POST}
 * ({@link io.keepline.notifier.webhook.WebhookPayload}) with the headers
 * {@code Content-Type: application/json}, {@code Keepline-Notification-Id: <id>} (the
 * same on every retry: drop duplicates by it) and
 * {@code Keepline-Signature: t=<unix seconds>,v1=<signature>}, the scheme Stripe uses. To
 * verify a delivery:
 * <ol>
 * <li>split the header on {@code ,} and take {@code t} and every {@code v1};</li>
 * <li>compute {@code HMAC-SHA256(secret, t + "." + rawBody)} over the exact bytes
 * received (never a re-serialised copy), hex-encoded in lower case, where {@code secret}
 * is the deployment's {@code keepline.notifier.webhook-secret}
 * ({@code KEEPLINE_WEBHOOK_SECRET}) as UTF-8;</li>
 * <li>accept if it equals one {@code v1} (compare in constant time) and {@code t} is
 * within your tolerance (5 minutes is usual) of your clock.</li>
 * </ol>
 * Answer 2xx once the notification is taken; 408, 425, 429 and 5xx (or no answer within
 * the timeout) are retried with backoff, any other status is final.
 * {@link io.keepline.notifier.webhook.WebhookSignature#verify} implements these steps.
 */
package io.keepline.notifier.webhook;
