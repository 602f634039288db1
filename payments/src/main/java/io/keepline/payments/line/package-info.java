/**
 * What payments knows of each line's cycles and payments, as plain Java: open cycles with
 * price and locale for the pages, and the published Stripe events and payment intents for
 * the webhook's duplicate checks, folded from deadline-events and payment-events.
 */
package io.keepline.payments.line;
