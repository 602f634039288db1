/**
 * What payments reads about a line, as plain Java: the scheduler's line record (the
 * line's current cycle, state, price and holder) and payments' own payment history
 * (published Stripe events and payment intents for the webhook's duplicate checks, recent
 * payments and the saved method's customer for the pages).
 */
package io.keepline.payments.line;
