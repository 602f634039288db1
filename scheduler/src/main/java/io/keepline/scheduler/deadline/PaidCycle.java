package io.keepline.scheduler.deadline;

import java.time.LocalDate;

/**
 * An earlier cycle of the line that was paid, so that a late second payment is refunded.
 */
public record PaidCycle(LocalDate validUntil, String paymentIntentId) {

}
