package io.keepline.contracts.link;

import java.time.Instant;

import io.keepline.contracts.CycleId;

/**
 * The claims a signed link carries: what it is for, which cycle of which line, and until
 * when it is valid.
 */
public record SignedLink(LinkPurpose purpose, CycleId cycle, Instant expiresAt) {

}
