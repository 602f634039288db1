package io.keepline.payments.line;

import java.time.Instant;
import java.util.UUID;

/**
 * A one-time code payments asked the notifier to send a holder: what the code is derived
 * from (never the code itself).
 *
 * @param requestId the {@code PaymentMethodCodeRequested} event id
 * @param at when it was requested
 * @param keyId the link key the code is derived under
 * @param expiresAt the end of the code's validity
 */
public record CodeRequest(UUID requestId, Instant at, String keyId, Instant expiresAt) {

}
