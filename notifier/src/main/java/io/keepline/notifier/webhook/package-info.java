/**
 * The webhook channel.
 *
 * <p>
 * Each notification is a JSON {@code POST}
 * ({@link io.keepline.notifier.webhook.WebhookPayload}) to an {@code https} URL on a
 * public address, with the headers {@code Content-Type: application/json},
 * {@code Keepline-Notification-Id: <id>} (the same on every retry: drop duplicates by it)
 * and {@code Keepline-Signature}, signed with the keys of the holder's operator (how to
 * verify it: {@link io.keepline.contracts.webhook}). Answer 2xx once the notification is
 * taken (the body of the answer is not read); 408, 425, 429 and 5xx (or no complete
 * answer within the deadline) are retried with backoff, any other status is final.
 */
package io.keepline.notifier.webhook;
