/**
 * Dead letters as operators see them: listed with their reason and origin, shown, and
 * replayed through the consumer group that parked them (its own handler code, never a
 * second write to the source topic), on each service's management port.
 */
package io.keepline.support.deadletters;
