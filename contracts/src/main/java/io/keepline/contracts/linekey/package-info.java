/**
 * Crypto-shredding of the holder's contact and saved card: per-line AEAD keys (Google
 * Tink), wrapped by the deployment's data key and kept in {@code keepline.line-keys.v1};
 * the contact on line-events and the card on payment-events are sealed with them, and are
 * unreadable everywhere once the line's keys are tombstoned on erasure.
 */
package io.keepline.contracts.linekey;
