package io.keepline.contracts;

import java.time.Instant;
import java.util.UUID;

/**
 * What every Keepline event carries: a unique id for idempotency and the instant it
 * happened.
 */
public interface KeeplineEvent {

	UUID eventId();

	Instant occurredAt();

}
