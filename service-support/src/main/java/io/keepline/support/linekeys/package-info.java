/**
 * The deployment's data key and the key topic of the services that seal (ingest,
 * payments) or open and shred (scheduler) holder contacts on line-events and saved cards
 * on payment-events.
 */
package io.keepline.support.linekeys;
