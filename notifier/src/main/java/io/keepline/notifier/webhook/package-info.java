/**
 * The webhook channel.
 *
 * <p>
 * Each notification is a JSON {@code POST}
 * ({@link io.keepline.notifier.webhook.WebhookPayload}) to an {@code https} URL on a
 * public address, with the headers {@code Content-Type: application/json},
 * {@code Keepline-Notification-Id: <id>} (the same on every retry: drop duplicates by it)
 * and {@code Keepline-Signature: t=<unix seconds>,v1=<key id>:<signature>}, the scheme
 * Stripe uses, signed with the keys of the holder's operator
 * ({@code KEEPLINE_WEBHOOK_SECRETS}); during a key rotation the header carries one
 * {@code v1} per active key, the newest first. To verify a delivery:
 * <ol>
 * <li>split the header on {@code ,} and take {@code t} and every {@code v1};</li>
 * <li>for each {@code v1} whose key id is one you hold, compute
 * {@code HMAC-SHA256(secret, t + "." + rawBody)} over the exact bytes received (never a
 * re-serialised copy), hex-encoded in lower case, with that key's secret as UTF-8;</li>
 * <li>accept if one equals its {@code v1} signature (compare in constant time) and
 * {@code t} is within your tolerance (5 minutes is usual) of your clock.</li>
 * </ol>
 * Answer 2xx once the notification is taken (the body of the answer is not read); 408,
 * 425, 429 and 5xx (or no complete answer within the deadline) are retried with backoff,
 * any other status is final. {@link io.keepline.notifier.webhook.WebhookSignature#verify}
 * implements these steps.
 */
package io.keepline.notifier.webhook;
