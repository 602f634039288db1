/**
 * Crypto-shredding of the holder's contact: per-line AEAD keys (Google Tink), wrapped by
 * the deployment's data key and kept in {@code keepline.line-keys.v1}; the contact on
 * line-events is sealed with them, and is unreadable everywhere once the line's keys are
 * tombstoned on erasure.
 */
package io.keepline.contracts.linekey;
