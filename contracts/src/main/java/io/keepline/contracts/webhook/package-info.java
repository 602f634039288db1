/**
 * The signature on every webhook Keepline sends (a contract with each receiver).
 *
 * <p>
 * The header is {@code Keepline-Signature: t=<unix seconds>,v1=<key id>:<signature>}, the
 * scheme Stripe uses, signed with the keys of the line's operator
 * ({@code KEEPLINE_WEBHOOK_SECRETS}); during a key rotation it carries one {@code v1} per
 * active key, the newest first. To verify a delivery:
 * <ol>
 * <li>split the header on {@code ,} and take {@code t} and every {@code v1};</li>
 * <li>for each {@code v1} whose key id is one you hold, compute
 * {@code HMAC-SHA256(secret, t + "." + rawBody)} over the exact bytes received (never a
 * re-serialised copy), hex-encoded in lower case, with that key's secret as UTF-8;</li>
 * <li>accept if one equals its {@code v1} signature (compare in constant time) and
 * {@code t} is within your tolerance (5 minutes is usual) of your clock.</li>
 * </ol>
 * {@link io.keepline.contracts.webhook.WebhookSignature#verify} implements these steps.
 */
package io.keepline.contracts.webhook;
